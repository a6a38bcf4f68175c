/**
 * Several real processes on one data folder: each worker (folder-worker.ts) runs its own core on
 * the folder and acknowledges every change the API confirmed. Used by the tests of processes side
 * by side and by the kill loop.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { WorkerAck, WorkerPlan } from './folder-worker'
import { nodeBundle } from '../../vite.resources'
import { repoRoot, tempDir } from './ports'

export type WorkerRun = {
  /** Changes the API confirmed, in the order they were made. */
  readonly acks: ReadonlyArray<WorkerAck>
  readonly fails: ReadonlyArray<{ readonly fail: number; readonly op: string; readonly code: string; readonly message: string }>
  readonly killed: boolean
  /** Steps that changed the folder (only when the worker finished). */
  readonly steps: number | null
  readonly stderr: string
}

/**
 * Runs a worker on `dataDir` with `plan`; with `killAt` it dies before that step. Resolves when it
 * ended. `bundle`: the worker built as one file (bundleWorker), which starts faster than via tsx.
 */
export function runWorker(dataDir: string, plan: WorkerPlan, killAt = 0, bundle?: string): Promise<WorkerRun> {
  const planFile = path.join(tempDir('rightful-plan-'), 'plan.json')
  fs.writeFileSync(planFile, JSON.stringify(plan))
  const args = bundle ? [bundle, dataDir, planFile, String(killAt), repoRoot] : ['--import', 'tsx', path.join(repoRoot, 'test', 'helpers', 'folder-worker.ts'), dataDir, planFile, String(killAt)]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      fs.rmSync(path.dirname(planFile), { recursive: true, force: true })
      const acks: WorkerAck[] = []
      const fails: Array<{ fail: number; op: string; code: string; message: string }> = []
      let steps: number | null = null
      // Only whole lines: a kill may cut nothing here (pipe writes are whole), but be strict.
      for (const line of stdout.split('\n')) {
        if (!line.trim()) continue
        const value = JSON.parse(line) as Record<string, unknown>
        if ('ack' in value) acks.push(value as unknown as WorkerAck)
        else if ('fail' in value) fails.push(value as never)
        else if (value.done) steps = Number(value.steps)
      }
      const killed = signal === 'SIGKILL'
      if (!killed && code !== 0) {
        reject(new Error(`the worker failed (exit ${code}): ${stderr}`))
        return
      }
      resolve({ acks, fails, killed, steps, stderr })
    })
  })
}

/** Builds the worker as one CommonJS file, as the CLI is built (vite.resources.ts); resolves to its path. */
export async function bundleWorker(): Promise<string> {
  const { build, mergeConfig } = await import('vite')
  const outDir = tempDir('rightful-worker-bundle-')
  await build(
    mergeConfig(nodeBundle('test/helpers/folder-worker.ts', 'folder-worker.cjs'), {
      configFile: false,
      logLevel: 'warn',
      build: { outDir, sourcemap: false },
    }),
  )
  return path.join(outDir, 'folder-worker.cjs')
}

/** Runs the built CLI (`node bin/rightful.js`) on a data folder; resolves to its exit code and output. */
export function runCliProcess(dataDir: string, args: ReadonlyArray<string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'rightful.js'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, RIGHTFUL_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Whether the CLI bundle the tests spawn has been built. */
export function cliBuilt(): boolean {
  return fs.existsSync(path.join(repoRoot, 'build', 'cli', 'cli.js'))
}
