/** Policy import: read a privacy policy, propose a catalog record, turn the reviewed proposal into one. */
export { extractPolicy } from './extract'
export { proposalToCompany, companyChoicesSchema, type CompanyChoices } from './to-company'
export { slugOf } from '../slug'
export { toPlainText, type PlainText, type TextLink } from './plain-text'
export * from './proposal'
