import { describe, expect, it } from 'vitest'
import { EXTERNAL_LINK_HOSTS, isAllowedExternalUrl, isAllowedNavigation, originOf } from '../../../electron/core/security/navigation'

const APP = ['app://storewatch']
const DEV = ['app://storewatch', 'http://localhost:5173']

describe('originOf', () => {
  it('parses origins, rebuilding the custom scheme’s', () => {
    expect(originOf('app://storewatch/index.html?x=1')).toBe('app://storewatch')
    expect(originOf('https://Auth.Lazada.com:443/oauth')).toBe('https://auth.lazada.com')
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173')
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'about:blank', 'nonsense'])('has none for %s', (url) => {
    expect(originOf(url)).toBeNull()
  })
})

describe('isAllowedNavigation', () => {
  it('allows the app’s own pages', () => {
    expect(isAllowedNavigation('app://storewatch/index.html', APP)).toBe(true)
    expect(isAllowedNavigation('app://storewatch/stores/5?tab=history#top', APP)).toBe(true)
  })

  it.each([
    'app://storewatch.evil/index.html',
    'app://storewatchevil/index.html',
    'app://evil/app://storewatch',
    'https://storewatch/index.html',
    'https://evil.example/?next=app://storewatch',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
    'http://localhost:5173/'
  ])('blocks %s for the packaged app', (url) => {
    expect(isAllowedNavigation(url, APP)).toBe(false)
  })

  it('allows the dev server only when it is on the list, by exact origin', () => {
    expect(isAllowedNavigation('http://localhost:5173/src/main.tsx', DEV)).toBe(true)
    expect(isAllowedNavigation('http://localhost:51730/', DEV)).toBe(false)
    expect(isAllowedNavigation('http://localhost:5173.evil.com/', DEV)).toBe(false)
    expect(isAllowedNavigation('https://localhost:5173/', DEV)).toBe(false)
  })
})

describe('isAllowedExternalUrl', () => {
  it('allows nothing today', () => {
    expect(EXTERNAL_LINK_HOSTS).toEqual([])
    expect(isAllowedExternalUrl('https://sellercenter.lazada.sg/')).toBe(false)
  })

  it('with a host on the list, allows only plain https to exactly that host', () => {
    const hosts = ['sellercenter.lazada.sg']
    expect(isAllowedExternalUrl('https://sellercenter.lazada.sg/apps/seller/login', hosts)).toBe(true)
    for (const url of [
      'http://sellercenter.lazada.sg/',
      'https://sellercenter.lazada.sg.evil.com/',
      'https://evil.sellercenter.lazada.sg/',
      'https://user:pw@sellercenter.lazada.sg/',
      'https://sellercenter.lazada.sg:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://sellercenter.lazada.sg/share',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      'not a url'
    ]) {
      expect(isAllowedExternalUrl(url, hosts), url).toBe(false)
    }
  })
})
