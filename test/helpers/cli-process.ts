/**
 * The `rightful` command from its sources, as a child process of its own (for tests of what only
 * a real process shows: signals, exit codes):
 *
 *   node --import tsx test/helpers/cli-process.ts <arguments…>
 *
 * It runs the same main() as bin/rightful.js runs from the build.
 */
import { main } from '../../electron/cli'

void main()
