/** URLs the browser host answers besides the renderer's own files. */
export const BRIDGE_SCRIPT_PATH = '/__storewatch/bridge.js'
export const INVOKE_PATH = '/__storewatch/invoke'
export const EVENTS_PATH = '/__storewatch/events'
