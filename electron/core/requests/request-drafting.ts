/**
 * Creating requests (from a template, for a catalog company) and their follow-ups (a reminder to
 * the company or a complaint to an authority), editing a draft, and discarding one not sent.
 */
import { CoreError } from '../shared/result'
import { plainDateOf } from '../shared/calendar'
import { addressLines } from '../profile/profile'
import { maxSubjectLength } from '../templates/templates'
import { isFollowUpType } from '../shared/kinds'
import { checkExtension } from './extension-check'
import { identityRule } from './identity-rules'
import { templateView, withRequiredPhrase } from './draft-view'
import type { Channel } from './model'
import { describeRightReason, rightReasonMessage, rightUnder } from './rights'
import { coreError } from '../messages/errors'
import { latestEvent, type RequestKit, type RequestServiceDeps } from './request-kit'
import type { RequestListing } from './request-listing'
import { missingOf } from './request-answers'
import type { RequestService } from './service'

export function requestDrafting(
  deps: RequestServiceDeps,
  { today, requireSent, draftOf, safeCompany, profileOrFail, newRecord, change }: RequestKit,
  { view }: RequestListing,
): Pick<RequestService, 'create' | 'createFollowUp' | 'updateDraft' | 'discard'> {
  return {
    create({ companyId, type, law, lang, profile, identifiers = null, text = null, channel }) {
      if (isFollowUpType(type)) {
        throw coreError('INVALID_INPUT', `error.requests.followUp.${type}`)
      }
      if (type === 'custom' && !text?.trim()) {
        throw coreError('INVALID_INPUT', 'error.requests.customWords')
      }
      // A right the law does not grant is refused with the reason, unless a template (the user's
      // own, say) covers this combination all the same.
      const right = rightUnder(law, type)
      if (!right.granted && !deps.templates.has({ type, law, lang })) {
        throw new CoreError('RIGHT_NOT_GRANTED', describeRightReason(right.why!), undefined, rightReasonMessage(right.why!))
      }
      const sender = profileOrFail(profile)
      const company = deps.catalog.get(companyId)
      if (!company.privacyEmail && !company.letterAddress) {
        throw coreError('NO_CONTACT', 'error.noContact', { company: company.name })
      }
      const year = Number(plainDateOf(deps.now()).slice(0, 4))
      const chosen = channel ?? (company.privacyEmail ? 'email' : 'post')
      const record = deps.repository.create(year, (reference) => {
        const renderFor = (by: Channel) =>
          deps.templates.render(
            { type, law, lang },
            templateView({
              reference,
              today: today(),
              lang,
              companyName: company.name,
              user: { name: sender.name, email: sender.email, address: addressLines(sender) },
              identifiers,
              text,
              channel: by,
              strings: deps.templates.strings(lang),
            }),
          )
        const rendered = renderFor(chosen)
        // Written for e-mail, it may still be printed: keep the letter's wording beside it.
        const byPost = chosen === 'email' && company.letterAddress ? renderFor('post').body : null
        return newRecord(reference, {
          company: { id: company.id, name: company.name, jurisdiction: company.holidayJurisdiction },
          type,
          law,
          lang,
          followUpOf: null,
          to: company.privacyEmail,
          recipientAddress: company.letterAddress
            ? { recipient: company.letterAddress.recipient, lines: company.letterAddress.lines, country: company.letterAddress.country }
            : null,
          sender,
          subject: withRequiredPhrase(rendered.subject, company.requirements.subjectLine?.phrases ?? [], type, lang, maxSubjectLength),
          body: rendered.body,
          byPost,
        })
      })
      return view(record)
    },

    createFollowUp({ reference, type, authority, lang: chosenLang, reasonsGiven = null }) {
      const original = requireSent(reference)
      const deadline = view(original).deadline
      if (type === 'complaint' && !authority) {
        throw coreError('INVALID_INPUT', 'error.requests.whichAuthority')
      }
      const toCompany = type !== 'complaint'
      // An incomplete answer is chased for the items the user ticked missing, in the law's order.
      const missing = type === 'incomplete-answer' ? missingOf(original) : []
      // A pushback answers a demand for identity on the timeline; a contest, a claim that does not hold.
      const demand = type === 'identity-pushback' ? latestEvent(original, 'identity-requested') : null
      if (type === 'identity-pushback' && !demand) {
        throw coreError('INVALID_STATE', 'error.noIdentityDemand', { reference: original.reference })
      }
      const extension = type === 'extension-contest' ? checkExtension({ law: original.law, events: original.events, deadline, reasonsGiven }) : null
      if (extension && !extension.contestable) {
        throw coreError('INVALID_STATE', 'error.extensionNotContestable', { reference: original.reference, why: extension.message })
      }
      const sender = profileOrFail(undefined)
      const year = Number(plainDateOf(deps.now()).slice(0, 4))
      const company = toCompany ? safeCompany(original.company.id) : null
      const lang = chosenLang ?? original.lang
      const record = deps.repository.create(year, (newReference) => {
        const rendered = deps.templates.render(
          { type, law: original.law, lang },
          templateView({
            reference: newReference,
            today: today(),
            lang,
            companyName: original.company.name,
            user: { name: sender.name, email: sender.email, address: addressLines(sender) },
            authorityName: authority?.name ?? null,
            authorityId: authority?.id ?? null,
            channel: toCompany ? original.sent.channel : authority?.email ? 'email' : 'post',
            missingItems: missing,
            law: original.law,
            original: {
              reference: original.reference,
              subject: original.sent.subject,
              sentOn: original.sent.on,
              channel: original.sent.channel,
              to: original.sent.to,
              due: deadline?.effectiveDue ?? null,
              events: original.events,
              type: original.type,
            },
            strings: deps.templates.strings(lang),
            identity: demand ? { requestedOn: demand.on, asked: demand.note, noVerification: identityRule(original.law, original.type).noVerification } : null,
            extension: extension?.claimedOn
              ? {
                  claimedOn: extension.claimedOn,
                  noticeBy: extension.noticeBy,
                  late: extension.verdict === 'late',
                  noReasons: extension.verdict === 'no-reasons',
                  notAllowed: extension.verdict === 'not-allowed',
                  tooLong: extension.verdict === 'too-long',
                  longestDue: extension.longestDue,
                  baseDue: deadline?.due ?? null,
                }
              : null,
          }),
        )
        const subject = withRequiredPhrase(rendered.subject, company?.requirements.subjectLine?.phrases ?? [], type, lang, maxSubjectLength)
        return newRecord(newReference, {
          company:
            toCompany
              ? original.company
              : { id: `authority:${authority!.id ?? authority!.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, name: authority!.name, jurisdiction: authority!.postal?.country ?? null },
          type,
          law: original.law,
          lang,
          followUpOf: original.reference,
          missingItems: type === 'incomplete-answer' ? missing.map((item) => item.id) : null,
          to: toCompany ? original.sent.to ?? original.draft.to : (authority!.email ?? null),
          recipientAddress: toCompany ? (original.sent.recipientAddress ?? original.draft.recipientAddress) : (authority!.postal ?? null),
          sender,
          subject,
          body: rendered.body,
        })
      })
      return view(record)
    },

    updateDraft({ reference, subject, body }) {
      return view(
        change(reference, (record) => {
          const text = body.replace(/\r\n/g, '\n')
          // Edited text is the user's own: it goes out as written, on paper too.
          const byPost = text === record.draft.body ? record.draft.byPost : null
          return { ...draftOf(record), draft: { ...record.draft, subject, body: text, byPost } }
        }),
      )
    },

    discard(reference) {
      // Checked and moved as one step: a request another process marks as sent meanwhile stays.
      deps.repository.locked(() => {
        const record = deps.repository.get(reference)
        if (record.sent) {
          throw coreError('INVALID_STATE', 'error.requests.sentKept', { reference, date: record.sent.on })
        }
        deps.repository.discard(reference)
      })
    },
  }
}
