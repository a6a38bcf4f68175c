/** Runs `rightful` in this process on a fresh, empty data folder, catching what it prints. */
import { runCli } from '../../electron/cli'
import { repoRoot, tempDir } from './ports'

export async function runInFreshFolder(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const dataDir = tempDir()
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir, ...env }, cwd: dataDir }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr }
}
