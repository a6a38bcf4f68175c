// The core's folders in one downhill order (issue 16; drawn in docs/architecture.md). A file in
// electron/core/<folder>/ may import its own folder and the folders of lower layers, never a
// folder of its own layer or above: so no two folders can import each other, even through others.
import path from 'node:path'

/** Bottom first. Folders in one layer do not know each other. */
export const coreLayers = [
  ['shared'], // the vocabulary: laws, languages, request and event kinds, dates, countries, e-mail, Result, messages as data, ports
  ['messages'], // the core's words in every UI language, and errors built from them
  ['storage', 'text', 'deadlines', 'profile'], // files and locks, text budgets, the deadline engine, the user's profile
  ['catalog', 'settings', 'templates'], // companies, settings, letter templates
  ['requests'], // the request record, its timeline, drafts and the request service
  ['authorities', 'letters', 'mail', 'notifications'], // what is done with a request: complain, print, send, remind
  ['bulk', 'evidence', 'replies'], // many requests at once, redacted evidence, replies from a mailbox
  ['backup', 'discover'], // everything saved at once; who holds my data, from a mailbox
  ['api'], // the contract, the handler map and createApi: the only top
]

const rankOf = new Map(coreLayers.flatMap((folders, rank) => folders.map((folder) => [folder, rank])))

/** The folder of electron/core a path lies in ('' for the core's root, null outside the core). */
function coreFolderOf(file, coreRoot) {
  const rel = path.relative(coreRoot, file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null
  const parts = rel.split(path.sep)
  return parts.length > 1 ? parts[0] : ''
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: "Keep electron/core's folders in their layers: no import of a folder of the same layer or above." },
    schema: [],
  },
  create(context) {
    const filename = context.filename ?? context.getFilename()
    const coreRoot = path.join(context.cwd ?? context.getCwd(), 'electron', 'core')
    const own = coreFolderOf(filename, coreRoot)
    if (own === null) return {}
    const check = (node, source) => {
      if (typeof source !== 'string') return
      let target
      if (source.startsWith('@core/')) target = path.join(coreRoot, source.slice('@core/'.length))
      else if (source.startsWith('.')) target = path.resolve(path.dirname(filename), source)
      else return
      const folder = coreFolderOf(target, coreRoot)
      if (folder === null || folder === own) return
      if (own === '' || folder === '') {
        context.report({ node, message: 'Every file of electron/core lives in a layer folder (eslint/core-layers.mjs), none in the core\'s root.' })
        return
      }
      const from = rankOf.get(own)
      const to = rankOf.get(folder)
      if (from === undefined || to === undefined) {
        context.report({ node, message: `The folder "${from === undefined ? own : folder}" has no layer: add it to eslint/core-layers.mjs and docs/architecture.md.` })
      } else if (to >= from) {
        context.report({
          node,
          message: `electron/core/${own} (layer ${from}) may not import electron/core/${folder} (layer ${to}${to === from ? ', the same' : ', above it'}): move the shared part down (e.g. to shared/) or the caller up.`,
        })
      }
    }
    const fromSource = (node) => check(node, node.source?.value)
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
      TSImportType: (node) => check(node, node.argument?.literal?.value ?? node.argument?.value),
    }
  },
}

export default { rules: { layers: rule } }
