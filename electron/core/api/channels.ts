/**
 * The names of every API method, `domain:verb`. The preload and the browser harness build
 * `window.api` from this list; contract.ts gives each its input schema and result type.
 * Kept free of imports so the preload bundle stays tiny.
 */
export const apiChannels = [
  'app:status',
  'app:dismissNotice',
  'app:openDataFolder',
  'catalog:search',
  'catalog:get',
  'catalog:list',
  'catalog:addContact',
  'catalog:save',
  'catalog:remove',
  'catalog:restore',
  'catalog:reset',
  'catalog:deleted',
  'catalog:import',
  'catalog:export',
  'catalog:fetchPolicy',
  'catalog:extractPolicy',
  'catalog:savePolicy',
  'catalog:matches',
  'catalog:sources',
  'authorities:list',
  'authorities:propose',
  'profile:get',
  'profile:save',
  'requests:list',
  'requests:get',
  'requests:create',
  'requests:updateDraft',
  'requests:markSent',
  'requests:discard',
  'requests:createFollowUp',
  'requests:addEvent',
  'requests:correctEvent',
  'requests:removeEvent',
  'requests:checkAnswer',
  'requests:tickAnswer',
  'attachments:pick',
  'attachments:reveal',
  'templates:available',
  'templates:list',
  'templates:get',
  'templates:preview',
  'templates:saveUser',
  'templates:deleteUser',
  'settings:get',
  'settings:update',
  'letters:savePdf',
  'letters:print',
  'mail:openInMailProgram',
  'mail:openWebmail',
  'mail:saveEml',
  'mail:getSmtp',
  'mail:saveSmtp',
  'mail:testSmtp',
  'mail:send',
  'mail:retry',
  'mail:outbox',
  'mail:copyToSent',
  'replies:import',
  'replies:list',
  'replies:confirm',
  'replies:dismiss',
  'replies:imapSettings',
  'replies:saveImap',
  'replies:sync',
  'deadlines:compute',
  'deadlines:exportIcs',
  'notifications:pending',
  'notifications:markShown',
  'backup:create',
  'backup:choose',
  'backup:inspect',
  'backup:restore',
  'operations:cancel',
  'discover:scan',
  'bulk:packs',
  'bulk:create',
  'bulk:list',
  'bulk:get',
  'bulk:exclude',
  'bulk:send',
  'bulk:pause',
  'bulk:cancel',
  'bulk:letters',
  'bulk:markLettersSent',
  'bulk:webformDone',
  'bulk:remind',
  'bulk:exportCsv',
  'bulk:markPosted',
] as const

export type ApiChannel = (typeof apiChannels)[number]

/**
 * The methods that run as long operations: they take an optional `operation` id, report progress
 * under it and can be stopped with operations:cancel.
 */
export const operationChannels = ['catalog:fetchPolicy', 'catalog:extractPolicy', 'catalog:savePolicy', 'catalog:import', 'backup:create', 'backup:restore', 'replies:sync', 'discover:scan', 'bulk:create', 'bulk:send', 'bulk:remind'] as const satisfies ReadonlyArray<ApiChannel>

export type OperationChannel = (typeof operationChannels)[number]

export function isApiChannel(value: unknown): value is ApiChannel {
  return typeof value === 'string' && (apiChannels as ReadonlyArray<string>).includes(value)
}
