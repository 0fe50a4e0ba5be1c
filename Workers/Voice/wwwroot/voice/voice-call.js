// The VoiceHelper voice-call engine (docs/voice-protocol.md), shared by the call page (/voice) and the website widget
// (/widget.js): microphone capture in 20 ms PCM16 frames, the /ws/voice socket, the spoken answer's playback with
// playback marks (so barge-in knows what was heard). No framework, no DOM: it reports through the `ui` callbacks.
'use strict';

(() => {
  const SAMPLE_RATE = 16000;
  const FRAME_SAMPLES = 320; // 20 ms per binary frame
  const MARK_EVERY_MS = 250;
  // What the engine itself shows (statuses), in English and Chinese; `options.lang` picks, else the page's language.
  const TEXT = {
    en: {
      audioUnavailable: 'Audio unavailable: {0}', connecting: 'Connecting…', openingMicrophone: 'Opening the microphone…',
      microphoneUnavailable: 'Microphone unavailable: {0}', inCall: 'In a call: speak', listening: 'Listening…',
      thinking: 'Thinking…', answering: 'Answering…', ended: 'Call ended', endedWith: 'Call ended ({0})',
    },
    zh: {
      audioUnavailable: '音频不可用：{0}', connecting: '正在连接…', openingMicrophone: '正在打开麦克风…',
      microphoneUnavailable: '麦克风不可用：{0}', inCall: '通话中：请说话', listening: '正在聆听…',
      thinking: '正在思考…', answering: '正在回答…', ended: '通话已结束', endedWith: '通话已结束（{0}）',
    },
  };

  /** 'zh' for any Chinese language tag (zh, zh-CN, zh-Hant-TW), else 'en'. */
  function language(requested) {
    const tag = requested || document.documentElement.lang || navigator.language || 'en';
    return tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  /**
   * ui: { status(text), partial(text), heard(text), delta(responseId, text), interrupted(responseId),
   *       done(responseId, text, status, sources), level(rms), ended(text) } (each optional)
   * options: { base (the gateway's origin), token, freshToken, kbId, conversationId, handsFree (default true), lang ('en' | 'zh') }
   * freshToken: optional async () => access token; asked before the call's token expires (and every few seconds
   * until it gives a new one), whose answer is sent as `session.auth`. Without it, call `updateToken` in time:
   * the server ends a call whose token expired (error `token_expired`, close 1008).
   */
  class VoiceCall {
    static async start(options, ui) {
      const text = TEXT[language(options.lang)];
      const context = new AudioContext({ sampleRate: SAMPLE_RATE });
      const base = options.base || location.origin;
      try {
        await context.audioWorklet.addModule(new URL('/voice/capture-worklet.js', base).href);
      } catch (error) {
        context.close();
        throw new Error(format(text.audioUnavailable, error.message));
      }
      const url = new URL('/ws/voice', base);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      if (options.kbId) {
        url.searchParams.set('kb_ids', options.kbId);
      }
      if (options.conversationId) {
        url.searchParams.set('conversation_id', options.conversationId);
      }
      // The token travels as a subprotocol: a browser cannot set headers on a WebSocket, and a query string gets logged.
      const socket = new WebSocket(url, ['voicehelper.v1', `access_token.${options.token}`]);
      const call = new VoiceCall(context, socket, ui || {}, options.handsFree !== false, text);
      call.token = options.token;
      call.freshToken = options.freshToken;
      return call;
    }

    constructor(context, socket, ui, handsFree, text) {
      this.text = text;
      this.token = null;
      this.freshToken = null;
      this.refresh = 0;
      this.context = context;
      this.socket = socket;
      this.ui = ui;
      this.microphone = null;
      this.ended = false;
      this.muted = !handsFree; // push to talk: frames are sent only while talking
      this.answers = new Map(); // response id -> text so far
      this.playback = null; // { id, chunks: [{ start, ms }], sources: [], nextTime, lastMark, done }
      socket.binaryType = 'arraybuffer';
      socket.onmessage = message => (typeof message.data === 'string' ? this.onEvent(JSON.parse(message.data)) : this.onAudio(message.data));
      socket.onclose = close => this.hangUp(close.code === 1000 ? text.ended : format(text.endedWith, `${close.code} ${close.reason}`.trim()));
      this.marks = setInterval(() => this.mark(), MARK_EVERY_MS);
      this.report('status', text.connecting);
    }

    report(name, ...args) {
      this.ui[name]?.(...args);
    }

    /** Push to talk: the microphone's frames reach the call only while `talking` is true. */
    talk(talking) {
      this.muted = !talking;
    }

    /** The microphone opens once the session exists, so nothing the caller says is lost to a slow connection. */
    async listen() {
      try {
        this.microphone = await navigator.mediaDevices.getUserMedia({
          audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
        });
      } catch (error) {
        this.hangUp(format(this.text.microphoneUnavailable, error.message));
        return false;
      }
      if (this.ended) {
        this.microphone.getTracks().forEach(track => track.stop());
        return false;
      }
      const capture = new AudioWorkletNode(this.context, 'capture', { processorOptions: { frameSamples: FRAME_SAMPLES } });
      capture.port.onmessage = ({ data }) => {
        this.report('level', this.muted ? 0 : data.rms);
        if (!this.muted && this.socket.readyState === WebSocket.OPEN) {
          this.socket.send(data.pcm);
        }
      };
      this.context.createMediaStreamSource(this.microphone).connect(capture);
      // Connected to the output (it writes silence) so the graph keeps pulling it.
      capture.connect(this.context.destination);
      return true;
    }

    /** Gives the call a fresh access token (`session.auth`); false when it is no news. The server keeps the old one if it refuses it. */
    updateToken(token) {
      if (!token || token === this.token || this.ended) {
        return false;
      }
      this.token = token;
      this.send({ type: 'session.auth', access_token: token });
      this.scheduleRefresh();
      return true;
    }

    /** Asks `freshToken` a minute (at most half the time left) before the token expires, or after `wait` ms. */
    scheduleRefresh(wait) {
      clearTimeout(this.refresh);
      const left = tokenExpiry(this.token) - Date.now();
      if (!this.freshToken || !(left > 0) || this.ended) {
        return;
      }
      this.refresh = setTimeout(() => this.refreshToken(), wait ?? Math.max(left - Math.min(60_000, left / 2), 1000));
    }

    async refreshToken() {
      let token = null;
      try {
        token = await this.freshToken();
      } catch {
        // asked again below
      }
      if (!this.ended && !this.updateToken(token)) {
        this.scheduleRefresh(5000); // the provider's own cache may not have refreshed yet
      }
    }

    send(event) {
      if (this.socket.readyState === WebSocket.OPEN) {
        this.socket.send(JSON.stringify(event));
      }
    }

    onEvent(event) {
      switch (event.type) {
        case 'session.created':
          this.scheduleRefresh();
          this.report('status', this.text.openingMicrophone);
          this.listen().then(listening => listening && this.report('status', event.warning || this.text.inCall));
          break;
        case 'speech.started':
          this.report('status', this.text.listening);
          break;
        case 'transcript.partial':
          this.report('partial', event.text);
          break;
        case 'transcript.final':
          this.report('partial', '');
          if (event.text) {
            this.report('heard', event.text);
          }
          this.report('status', this.text.thinking);
          break;
        case 'response.text.delta':
          this.answers.set(event.response_id, (this.answers.get(event.response_id) ?? '') + event.delta);
          this.report('delta', event.response_id, event.delta);
          break;
        case 'response.audio.started':
          this.stopPlayback();
          this.playback = { id: event.response_id, chunks: [], sources: [], nextTime: 0, lastMark: 0, done: false };
          this.report('status', this.text.answering);
          break;
        case 'response.audio.done':
          if (this.playback?.id === event.response_id) {
            this.playback.done = true;
          }
          break;
        case 'interrupted':
          if (this.playback?.id === event.response_id) {
            this.stopPlayback();
          }
          this.report('interrupted', event.response_id);
          this.report('status', this.text.listening);
          break;
        case 'response.done':
          this.report('done', event.response_id, event.text ?? this.answers.get(event.response_id) ?? '', event.status, event.sources);
          if (event.status === 'completed') {
            this.report('status', this.text.inCall);
          }
          break;
        case 'error':
          this.report('status', `${event.code}: ${event.message}`);
          break;
      }
    }

    onAudio(buffer) {
      const playback = this.playback;
      if (!playback) {
        return;
      }
      const pcm = new Int16Array(buffer);
      const audio = this.context.createBuffer(1, pcm.length, SAMPLE_RATE);
      const channel = audio.getChannelData(0);
      for (let i = 0; i < pcm.length; i++) {
        channel[i] = pcm[i] / 32768;
      }
      const node = this.context.createBufferSource();
      node.buffer = audio;
      node.connect(this.context.destination);
      const start = Math.max(playback.nextTime, this.context.currentTime + 0.05);
      node.start(start);
      playback.nextTime = start + audio.duration;
      playback.chunks.push({ start, ms: audio.duration * 1000 });
      playback.sources.push(node);
      node.onended = () => playback.sources.splice(playback.sources.indexOf(node), 1);
    }

    /** Milliseconds of the answer actually played so far: only what the speakers have already rendered counts. */
    playedMs(playback) {
      const now = this.context.currentTime;
      return playback.chunks.reduce((sum, chunk) => sum + Math.min(Math.max((now - chunk.start) * 1000, 0), chunk.ms), 0);
    }

    mark() {
      const playback = this.playback;
      if (!playback) {
        return;
      }
      const played = Math.floor(this.playedMs(playback));
      if (played > playback.lastMark) {
        playback.lastMark = played;
        this.send({ type: 'playback.mark', response_id: playback.id, played_ms: played });
      }
    }

    stopPlayback() {
      if (!this.playback) {
        return;
      }
      this.mark();
      for (const node of this.playback.sources) {
        node.onended = null;
        node.stop();
      }
      this.playback = null;
    }

    /** Ends the call; `status` (default: "call ended" in the call's language) is reported through `ended`. */
    hangUp(status = this.text.ended) {
      if (this.ended) {
        return;
      }
      this.ended = true;
      clearInterval(this.marks);
      clearTimeout(this.refresh);
      this.stopPlayback();
      if (this.socket.readyState <= WebSocket.OPEN) {
        this.socket.close(1000, 'hang up');
      }
      this.microphone?.getTracks().forEach(track => track.stop());
      this.context.close();
      this.report('level', 0);
      this.report('ended', status);
    }
  }

  /** When a JWT expires (ms since the epoch), from its unverified payload; NaN if it cannot be read. */
  function tokenExpiry(token) {
    try {
      const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '='))).exp * 1000;
    } catch {
      return NaN;
    }
  }

  function format(template, value) {
    return template.replace('{0}', value);
  }

  globalThis.VoiceHelperCall = VoiceCall;
})();
