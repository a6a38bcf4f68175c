/**
 * Precision and recall of policy import (extractPolicy) on the fresh held-out excerpts
 * (test/fixtures/policies/fresh-*, expectations in expectations-fresh.json): policies of companies
 * not in the tuning corpus, collected and labelled after the rules were fixed and before the
 * extractor was run on them. Reported here only; the corpus test scores expectations.json alone.
 * Run: npx tsx bench/policy-extraction-fresh.ts [--verbose]
 */
import { freshExpectationsFile } from '../test/helpers/policy-corpus'
import { reportHeldOut } from './held-out'

reportHeldOut({
  expectationsFile: freshExpectationsFile,
  prefix: 'fresh-',
  title: 'fresh held-out excerpts (new companies, labelled before the first run)',
  maxExcerpt: (text) => text.length,
  limit: 2_600,
  verbose: process.argv.includes('--verbose'),
})
