/**
 * The fingerprint of the deadline rules: a SHA-256 of the sources that decide a deadline's dates
 * (written by scripts/deadline-fingerprint.ts; test/core/deadline-cache.test.ts checks it is up to
 * date). Deadlines saved under another fingerprint are counted again (requests/deadline-cache.ts).
 */
export const deadlineRulesFingerprint = 'f0a5e4163a9d0f26b2deb503ee66255c'
