/**
 * Known misses of policy import on the tuning sets (issue 17), each fixed by its general cause and
 * checked here on made-up policies: both the case that must now be read and the one that must not.
 */
import { describe, expect, it } from 'vitest'
import { extractPolicy, type PolicyProposal } from '../../electron/core/catalog/policy-import'

const read = (text: string, format: 'text' | 'markdown' | 'html' = 'text'): PolicyProposal => extractPolicy({ text, format })
const privacy = (p: PolicyProposal) => p.privacyEmails.map((e) => e.address)

describe('an address at a well-known provider’s domain', () => {
  it('is the company’s own when the policy is the provider’s, or when its mailbox carries the product’s name', () => {
    const own = read('GitHub Privacy Statement\n\nThis statement explains how GitHub handles your data.\n\nTo exercise your rights, please contact our Data Protection Officer at dpo[at]github[dot]com.')
    expect(privacy(own)).toEqual(['dpo@github.com'])
    const kids = read('TubeKids Privacy Notice\n\nThis notice explains how TubeKids handles data.\n\nContact us\n\nParents may contact us with any questions or concerns about their child’s data at:\n\ntubekids-privacy@google.com')
    expect(privacy(kids)).toEqual(['tubekids-privacy@google.com'])
  })

  it('stays the provider’s when neither the company’s name nor the mailbox ties it to the company', () => {
    const other = read('Lanternly Privacy Policy\n\nThis policy explains how Lanternly handles data.\n\nFor questions about your privacy, write to privacy@lanternly.com. For questions about Google Analytics and your data, write to privacy@google.com.')
    expect(privacy(other)).toEqual(['privacy@lanternly.com'])
  })
})
