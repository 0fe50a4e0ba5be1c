// Drives the voice worker's call engine (/voice/voice-call.js, served by the gateway) for the console's call page.
// The engine reports through callbacks; they are forwarded to the page's component, which renders the transcript.
// The level meter is set here directly: 50 updates a second are not worth a round trip to the server.

function loadEngine(base) {
  if (globalThis.VoiceHelperCall) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('/voice/voice-call.js', base).href;
    script.onload = resolve;
    script.onerror = () => {
      script.remove();
      reject(new Error('The voice engine could not be loaded.'));
    };
    document.head.append(script);
  });
}

export async function start(page, options, meter) {
  await loadEngine(options.base);
  const report = (name, ...args) => page.invokeMethodAsync(name, ...args).catch(() => {});
  // The console's session refreshes its access token; the call is given each new one before the old one expires.
  const freshToken = () => page.invokeMethodAsync('FreshToken');
  return VoiceHelperCall.start({ base: options.base, token: options.token, freshToken, kbId: options.kbId, handsFree: true }, {
    status: text => report('OnStatus', text),
    partial: text => report('OnPartial', text),
    heard: text => report('OnHeard', text),
    delta: (id, text) => report('OnDelta', id, text),
    interrupted: id => report('OnInterrupted', id),
    done: (id, text, status, sources) =>
      report('OnDone', id, text, status, (Array.isArray(sources) ? sources : []).map(s => s.title || s.document_id || '')),
    level: rms => {
      const dbfs = rms > 0 ? 20 * Math.log10(rms) : -100;
      meter.style.width = `${Math.max(0, Math.min(100, ((dbfs + 60) / 60) * 100))}%`;
    },
    ended: text => report('OnEnded', text),
  });
}
