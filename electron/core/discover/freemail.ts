/**
 * Mail services where anyone can have an address: a sender at one of these domains is a person,
 * not the company that runs the service, so discovery never counts them (a friend writing from
 * gmail.com is not evidence that Google holds data about you as a customer). Subdomains count too
 * (mail.yahoo.co.jp). Rightful's own list, from the services people most often write from.
 */
const freemailDomains: ReadonlySet<string> = new Set([
  // Global services
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.de', 'hotmail.fr',
  'hotmail.es', 'hotmail.it', 'live.com', 'live.co.uk', 'live.de', 'live.fr', 'msn.com', 'passport.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.de', 'yahoo.fr', 'yahoo.es', 'yahoo.it', 'yahoo.co.jp', 'yahoo.com.hk',
  'yahoo.com.tw', 'ymail.com', 'rocketmail.com', 'aol.com', 'aim.com', 'icloud.com', 'me.com', 'mac.com',
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tutanota.de', 'tuta.io', 'tuta.com',
  'zoho.com', 'zohomail.com', 'mail.com', 'email.com', 'gmx.com', 'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch',
  'fastmail.com', 'fastmail.fm', 'hey.com', 'yandex.com', 'yandex.ru', 'ya.ru', 'mail.ru', 'inbox.ru',
  'list.ru', 'bk.ru', 'rambler.ru', 'hushmail.com', 'runbox.com', 'posteo.de', 'posteo.net', 'mailbox.org',
  'disroot.org', 'riseup.net', 'startmail.com', 'mailfence.com', 'duck.com', 'skiff.com',
  // Germany, Austria, Switzerland
  'web.de', 't-online.de', 'freenet.de', 'arcor.de', 'online.de', 'kabelmail.de',
  'bluewin.ch', 'aon.at', 'chello.at',
  // France, Benelux, Italy, Spain
  'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'laposte.net', 'neuf.fr', 'club-internet.fr', 'skynet.be',
  'telenet.be', 'ziggo.nl', 'kpnmail.nl', 'planet.nl', 'home.nl', 'libero.it', 'virgilio.it', 'tiscali.it',
  'alice.it', 'tin.it', 'telefonica.net', 'terra.es',
  // United Kingdom, Ireland
  'btinternet.com', 'talktalk.net', 'virginmedia.com', 'ntlworld.com', 'blueyonder.co.uk',
  'eircom.net',
  // Nordics, Central and Eastern Europe
  'seznam.cz', 'centrum.cz', 'wp.pl', 'o2.pl', 'interia.pl', 'onet.pl', 'op.pl', 'telia.com', 'online.no',
  // Americas
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'cox.net', 'charter.net',
  'earthlink.net', 'juno.com', 'optonline.net', 'shaw.ca', 'rogers.com', 'sympatico.ca', 'uol.com.br',
  'bol.com.br', 'terra.com.br',
  // Asia, Oceania
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com',
  '139.com', 'naver.com', 'hanmail.net', 'daum.net', 'nate.com', 'rediffmail.com', 'bigpond.com',
  'bigpond.net.au', 'optusnet.com.au', 'xtra.co.nz', 'netvigator.com', 'docomo.ne.jp', 'ezweb.ne.jp',
  'softbank.ne.jp', 'nifty.com',
])

/** True when `domain` (lower case) or a domain above it is a freemail service. */
export function isFreemail(domain: string): boolean {
  let at = 0
  while (at >= 0) {
    if (freemailDomains.has(domain.slice(at))) return true
    const dot = domain.indexOf('.', at)
    at = dot < 0 ? -1 : dot + 1
  }
  return false
}

/** How many domains the list holds (for the README's account of it). */
export const freemailCount = freemailDomains.size
