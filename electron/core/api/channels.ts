/**
 * The names of every API method, `domain:verb`. The preload and the browser harness build
 * `window.api` from this list; contract.ts gives each its input schema and result type.
 * Kept free of imports so the preload bundle stays tiny.
 */
export const apiChannels = [
  'app:status',
  'app:dismissNotice',
  'catalog:search',
  'catalog:get',
  'catalog:list',
  'catalog:addContact',
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
  'mail:saveEml',
  'deadlines:compute',
  'deadlines:exportIcs',
  'notifications:pending',
  'notifications:markShown',
] as const

export type ApiChannel = (typeof apiChannels)[number]

export function isApiChannel(value: unknown): value is ApiChannel {
  return typeof value === 'string' && (apiChannels as ReadonlyArray<string>).includes(value)
}
