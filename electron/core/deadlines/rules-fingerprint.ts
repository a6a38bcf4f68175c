/**
 * The fingerprint of the deadline rules: a SHA-256 of the sources that decide a deadline's dates
 * (written by scripts/deadline-fingerprint.ts; test/core/deadline-cache.test.ts checks it is up to
 * date). Deadlines saved under another fingerprint are counted again (requests/deadline-cache.ts).
 */
export const deadlineRulesFingerprint = '1988e43cab92097dc7f9284a7ec98e22'
