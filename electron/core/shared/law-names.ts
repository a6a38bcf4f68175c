/**
 * The laws' names as they read inside a sentence ("… under the GDPR"). A pure module.
 */
import type { Law } from './kinds'

export const lawNames: Readonly<Record<Law, string>> = {
  gdpr: 'the GDPR',
  'uk-gdpr': 'the UK GDPR',
  ccpa: 'the CCPA',
  vcdpa: 'the Virginia Consumer Data Protection Act',
  'cpa-co': 'the Colorado Privacy Act',
  ctdpa: 'the Connecticut Data Privacy Act',
  tdpsa: 'the Texas Data Privacy and Security Act',
  lgpd: 'the LGPD',
  pipeda: 'PIPEDA',
  'qc-privacy': 'Quebec’s Act respecting the protection of personal information in the private sector',
  'ch-fadp': 'the Swiss Federal Act on Data Protection',
  'hk-pdpo': 'the Personal Data (Privacy) Ordinance',
  'cn-pipl': 'the PIPL',
  'jp-appi': 'the APPI',
  'au-privacy': 'the Privacy Act 1988',
}
