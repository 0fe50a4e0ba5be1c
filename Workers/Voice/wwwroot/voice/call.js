// The VoiceHelper call page (docs/voice-protocol.md). No framework; it talks only to its own origin (the gateway):
// Identity's login, Knowledge's list, and the call socket /ws/voice.
'use strict';

const SAMPLE_RATE = 16000;
const FRAME_SAMPLES = 320; // 20 ms per binary frame
const MARK_EVERY_MS = 250;

const $ = id => document.getElementById(id);
let token = null;
let call = null;

$('signin').addEventListener('submit', async event => {
  event.preventDefault();
  $('signin-error').textContent = '';
  const response = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: $('email').value, password: $('password').value }),
  });
  if (!response.ok) {
    $('signin-error').textContent = await problemText(response);
    return;
  }
  const body = await response.json();
  token = body.access_token;
  $('who').textContent = `Signed in as ${body.user?.email ?? ''}`;
  $('signin').hidden = true;
  $('phone').hidden = false;
  await loadKnowledgeBases();
});

$('call').addEventListener('click', () => (call ? call.hangUp('Call ended') : startCall()));

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `Failed (${response.status})`;
  } catch {
    return `Failed (${response.status})`;
  }
}

async function loadKnowledgeBases() {
  const response = await fetch('/api/v1/knowledge/bases?page_size=100', { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) {
    setStatus(`Knowledge bases unavailable: ${await problemText(response)}`);
    return;
  }
  for (const kb of (await response.json()).items) {
    const option = document.createElement('option');
    option.value = kb.id;
    option.textContent = kb.name;
    $('kb').append(option);
  }
}

function setStatus(text) {
  $('status').textContent = text;
}

async function startCall() {
  $('call').disabled = true;
  const context = new AudioContext({ sampleRate: SAMPLE_RATE });
  try {
    await context.audioWorklet.addModule('/voice/capture-worklet.js');
  } catch (error) {
    setStatus(`Audio unavailable: ${error.message}`);
    context.close();
    $('call').disabled = false;
    return;
  }
  const url = new URL('/ws/voice', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  if ($('kb').value) {
    url.searchParams.set('kb_ids', $('kb').value);
  }
  // The token travels as a subprotocol: a browser cannot set headers on a WebSocket, and a query string gets logged.
  const socket = new WebSocket(url, ['voicehelper.v1', `access_token.${token}`]);
  call = new Call(context, socket);
  $('call').disabled = false;
  $('call').textContent = 'Hang up';
  $('call').classList.add('hangup');
  setStatus('Connecting…');
}

class Call {
  constructor(context, socket) {
    this.context = context;
    this.socket = socket;
    this.microphone = null;
    this.answers = new Map(); // response id -> { item, text }
    this.playback = null; // { id, chunks: [{ start, ms }], sources: [], nextTime, lastMark, done }
    socket.binaryType = 'arraybuffer';
    socket.onmessage = message => (typeof message.data === 'string' ? this.onEvent(JSON.parse(message.data)) : this.onAudio(message.data));
    socket.onclose = close => this.hangUp(close.code === 1000 ? 'Call ended' : `Call ended (${close.code} ${close.reason})`);
    this.marks = setInterval(() => this.mark(), MARK_EVERY_MS);
  }

  /** The microphone opens once the session exists, so nothing the caller says is lost to a slow connection. */
  async listen() {
    try {
      this.microphone = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
    } catch (error) {
      this.hangUp(`Microphone unavailable: ${error.message}`);
      return false;
    }
    if (call !== this) {
      this.microphone.getTracks().forEach(track => track.stop());
      return false;
    }
    const capture = new AudioWorkletNode(this.context, 'capture', { processorOptions: { frameSamples: FRAME_SAMPLES } });
    capture.port.onmessage = ({ data }) => {
      showLevel(data.rms);
      if (this.socket.readyState === WebSocket.OPEN) {
        this.socket.send(data.pcm);
      }
    };
    this.context.createMediaStreamSource(this.microphone).connect(capture);
    // Connected to the output (it writes silence) so the graph keeps pulling it.
    capture.connect(this.context.destination);
    return true;
  }

  send(event) {
    if (this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(event));
    }
  }

  onEvent(event) {
    switch (event.type) {
      case 'session.created':
        setStatus('Opening the microphone…');
        this.listen().then(listening => listening && setStatus(event.warning || 'In a call: speak'));
        break;
      case 'speech.started':
        setStatus('Listening…');
        break;
      case 'transcript.partial':
        $('live').textContent = event.text;
        break;
      case 'transcript.final':
        $('live').textContent = '';
        if (event.text) {
          addItem('user', event.text);
        }
        setStatus('Thinking…');
        break;
      case 'response.text.delta':
        this.answer(event.response_id).text.textContent += event.delta;
        break;
      case 'response.audio.started':
        this.stopPlayback();
        this.playback = { id: event.response_id, chunks: [], sources: [], nextTime: 0, lastMark: 0, done: false };
        setStatus('Answering…');
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
        this.answer(event.response_id).item.classList.add('interrupted');
        setStatus('Listening…');
        break;
      case 'response.done': {
        const answer = this.answer(event.response_id);
        answer.text.textContent = event.text ?? answer.text.textContent;
        answer.item.classList.toggle('interrupted', event.status === 'interrupted');
        showSources(answer.item, event.sources);
        if (event.status === 'completed') {
          setStatus('In a call: speak');
        }
        break;
      }
      case 'error':
        setStatus(`${event.code}: ${event.message}`);
        break;
    }
  }

  answer(id) {
    if (!this.answers.has(id)) {
      const item = addItem('assistant', '');
      this.answers.set(id, { item, text: item.querySelector('.text') });
    }
    return this.answers.get(id);
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

  hangUp(status) {
    if (call !== this) {
      return;
    }
    call = null;
    clearInterval(this.marks);
    this.stopPlayback();
    if (this.socket.readyState <= WebSocket.OPEN) {
      this.socket.close(1000, 'hang up');
    }
    this.microphone?.getTracks().forEach(track => track.stop());
    this.context.close();
    showLevel(0);
    $('call').textContent = 'Call';
    $('call').classList.remove('hangup');
    setStatus(status);
  }
}

function addItem(role, text) {
  const item = document.createElement('li');
  item.className = role;
  const body = document.createElement('span');
  body.className = 'text';
  body.textContent = text;
  item.append(body);
  $('transcript').append(item);
  return item;
}

function showSources(item, sources) {
  item.querySelector('.sources')?.remove();
  if (!Array.isArray(sources) || sources.length === 0) {
    return;
  }
  const list = document.createElement('ol');
  list.className = 'sources';
  for (const source of sources) {
    const entry = document.createElement('li');
    entry.textContent = source.title || source.document_id || 'source';
    if (source.text) {
      entry.title = source.text;
    }
    list.append(entry);
  }
  item.append(list);
}

function showLevel(rms) {
  const dbfs = rms > 0 ? 20 * Math.log10(rms) : -100;
  $('level').style.width = `${Math.max(0, Math.min(100, ((dbfs + 60) / 60) * 100))}%`;
}
