/**
 * Precision and recall of policy import (extractPolicy) on the second held-out set
 * (test/fixtures/policies/heldout2-*, expectations in expectations-heldout2.json): excerpts of
 * policies of companies in neither the tuning corpus nor the fresh set, from more countries and
 * formats, collected and labelled before the extractor was run on them. Reported here only; the
 * corpus test scores expectations.json alone.
 * Run: npx tsx bench/policy-extraction-heldout2.ts [--verbose]
 */
import { heldout2ExpectationsFile } from '../test/helpers/policy-corpus'
import { reportHeldOut } from './held-out'

reportHeldOut({
  expectationsFile: heldout2ExpectationsFile,
  prefix: 'heldout2-',
  title: 'second held-out excerpts (new companies, labelled before the first run)',
  maxExcerpt: (text) => Buffer.byteLength(text, 'utf8'),
  limit: 8_192,
  verbose: process.argv.includes('--verbose'),
})
