/** Types shared by the domain handler maps that createApi merges. */
import type { AuthorityRegistry } from '../authorities/authorities'
import type { Catalog } from '../catalog/catalog'
import type { NoticeBoard } from '../shared/notices'
import type { Ports } from './ports'
import type { ProfileStore } from '../profile/profile'
import type { RequestService } from '../requests/service'
import type { Templates } from '../templates/templates'
import type { SettingsStore } from '../settings/settings'
import type { AttachmentStage } from '../requests/attachments'
import type { NotificationLog } from '../notifications/notifications'
import type { Operation } from '../shared/operation'
import type { MailService } from '../mail/service'
import type { ReplyService } from '../replies/service'
import type { ImapService } from '../replies/imap-service'
import type { EvidenceService } from '../evidence/service-types'
import type { DiscoverService } from '../discover/service'
import type { ApiChannel } from './channels'
import type { ApiOutput, ParsedInput } from './contract'

/** Everything a handler may use: the ports and the domain services, each opened once by createApi. */
export type CoreContext = {
  readonly ports: Ports
  readonly notices: NoticeBoard
  readonly catalog: Catalog
  /** The built-in supervisory authorities (read when first used). */
  readonly authorities: AuthorityRegistry
  readonly profiles: ProfileStore
  readonly templates: Templates
  readonly requests: RequestService
  readonly settings: SettingsStore
  readonly attachments: AttachmentStage
  readonly notificationLog: NotificationLog
  /** Sending and the SMTP settings; its `settings` is the one mail settings store every handler reads. */
  readonly mail: MailService
  readonly replies: ReplyService
  /** The IMAP account and the reply sync. */
  readonly imapSync: ImapService
  /** The redaction tool. */
  readonly evidence: EvidenceService
  /** Who holds my data, read from a mailbox. */
  readonly discover: DiscoverService
  /** Today's date on this computer. */
  today(): string
}

/**
 * A method's implementation. `operation` is the call's own: long operations report progress on it
 * and reach its checkpoints between chunks (see operation.ts); other methods may ignore it.
 */
export type Handler<C extends ApiChannel> = (input: ParsedInput<C>, operation: Operation) => Promise<ApiOutput<C>> | ApiOutput<C>

/** A domain's handlers: a subset of the channels. */
export type HandlerMap = { readonly [C in ApiChannel]?: Handler<C> }
