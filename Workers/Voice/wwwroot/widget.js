// The VoiceHelper website widget: <script src="https://gateway/widget.js" data-key="vhw_..."></script> on any page adds a
// chat bubble (<voicehelper-widget>, shadow DOM, no framework). It exchanges its publishable key for a short visitor
// token (POST /api/v1/widget/sessions; the browser's Origin must be one of the key's), asks in the visitor's own
// conversation with the answer streamed as server-sent events, and calls by voice over /ws/voice with the shared
// engine (/voice/voice-call.js). The visitor id and the conversation are kept in localStorage, per key. Its text is
// English or Chinese: the tag's data-lang, else the host page's <html lang>, else the browser's language. The visitor's
// conversations are listed in the panel (new, switch, rename, delete), each only the visitor's own.
'use strict';

(() => {
  const script = document.currentScript;
  if (!script || customElements.get('voicehelper-widget')) {
    return;
  }
  const BASE = new URL(script.src).origin;
  const KEY = script.dataset.key || '';
  const TEXTS = {
    en: {
      title: 'Ask us', close: 'Close', placeholder: 'Type your question', question: 'Your question', send: 'Send',
      voiceHandsFree: 'Voice (hands-free)', voicePushToTalk: 'Voice (push to talk)', talk: 'Talk', holdToTalk: 'Hold to talk',
      greeting: 'Hi! Type a question, or press the microphone to talk.', conversationTitle: 'Website visitor ({0})',
      originNotAllowed: 'This website is not allowed to use this assistant.',
      rateLimited: 'Too many questions right now; please wait a moment.', failed: 'Something went wrong.',
      failedStatus: 'Failed ({0})', source: 'source', page: ', p. {0}', engineUnavailable: 'The voice engine could not be loaded.',
      conversations: 'Conversations', newConversation: 'New conversation', rename: 'Rename', delete: 'Delete',
      newTitle: 'New title', noConversations: 'No conversations yet.',
    },
    zh: {
      title: '在线咨询', close: '关闭', placeholder: '请输入您的问题', question: '您的问题', send: '发送',
      voiceHandsFree: '语音（免提）', voicePushToTalk: '语音（按住说话）', talk: '语音通话', holdToTalk: '按住说话',
      greeting: '您好！请输入问题，或点击麦克风说话。', conversationTitle: '网站访客（{0}）',
      originNotAllowed: '此网站无权使用本助手。', rateLimited: '提问太频繁，请稍候再试。', failed: '出错了。',
      failedStatus: '请求失败（{0}）', source: '来源', page: '，第 {0} 页', engineUnavailable: '无法加载语音引擎。',
      conversations: '会话列表', newConversation: '新会话', rename: '重命名', delete: '删除',
      newTitle: '新标题', noConversations: '还没有会话。',
    },
  };
  const LANG = (script.dataset.lang || document.documentElement.lang || navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const T = TEXTS[LANG];
  const TITLE = script.dataset.title || T.title;
  const PUSH_TO_TALK = script.dataset.voice === 'push-to-talk';
  const STORE = `voicehelper:${KEY}:`;
  // Inline icons: emoji fonts are not everywhere.
  const CHAT_ICON = '<svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg>';
  const LIST_ICON = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M3 5h18v2H3zm0 6h18v2H3zm0 6h18v2H3z"/></svg>';
  const MIC_ICON = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11h-2z"/></svg>';

  const STYLE = `
    :host { all: initial; position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; font: 14px/1.45 system-ui, sans-serif; color: #1c1f24; }
    button { font: inherit; cursor: pointer; }
    .bubble { width: 56px; height: 56px; border-radius: 50%; border: 0; background: #2f5bea; color: #fff; box-shadow: 0 4px 14px rgba(0,0,0,.25);
      display: grid; place-items: center; }
    svg { display: block; }
    .panel { position: absolute; right: 0; bottom: 68px; width: min(370px, calc(100vw - 40px)); height: min(520px, calc(100vh - 110px));
      display: flex; flex-direction: column; background: #fff; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; }
    .panel[hidden] { display: none; }
    header { display: flex; align-items: center; justify-content: space-between; padding: 10px 14px; background: #2f5bea; color: #fff; font-weight: 600; }
    header button { background: none; border: 0; color: #fff; font-size: 18px; }
    header .title { flex: 1; margin: 0 8px; }
    .threads { flex: 1; overflow-y: auto; padding: 10px; background: #f6f7f9; }
    .threads[hidden], ol.log[hidden], form[hidden] { display: none; }
    .threads > button.new { width: 100%; padding: 8px; margin-bottom: 8px; border: 1px dashed #2f5bea; border-radius: 8px; background: #fff; color: #2f5bea; }
    .threads ul { list-style: none; margin: 0; padding: 0; }
    .threads li { display: flex; gap: 4px; align-items: center; margin-bottom: 6px; padding: 4px; border-radius: 8px; background: #fff; border: 1px solid #e1e4e8; }
    .threads li[aria-current="true"] { border-color: #2f5bea; }
    .threads li .open { flex: 1; min-width: 0; text-align: left; background: none; border: 0; padding: 6px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .threads li input { flex: 1; }
    .threads li .rename, .threads li .delete { background: none; border: 0; color: #4a5360; font-size: 12px; padding: 4px 6px; }
    .threads li .delete { color: #b3261e; }
    .threads p { color: #6a7380; font-size: 13px; }
    ol.log { flex: 1; margin: 0; padding: 12px; list-style: none; overflow-y: auto; background: #f6f7f9; }
    ol.log > li { margin: 0 0 10px; padding: 8px 11px; border-radius: 10px; max-width: 88%; white-space: pre-wrap; word-wrap: break-word; }
    li.user { margin-left: auto !important; background: #2f5bea; color: #fff; }
    li.assistant { background: #fff; border: 1px solid #e1e4e8; }
    li.notice { background: #fff4e5; color: #7a4b00; max-width: none; font-size: 13px; }
    ol.sources { list-style: none; margin: 6px 0 0; padding: 6px 0 0; border-top: 1px solid #e1e4e8; font-size: 12px; color: #4a5360; white-space: normal; }
    ol.sources li { margin: 2px 0; }
    .live { min-height: 1.2em; margin: 0; padding: 0 14px; font-size: 12px; color: #6a7380; font-style: italic; }
    form { display: flex; gap: 6px; padding: 10px; border-top: 1px solid #e1e4e8; }
    input { flex: 1; min-width: 0; padding: 8px 10px; border: 1px solid #c9ced6; border-radius: 8px; font: inherit; }
    form button { border: 0; border-radius: 8px; padding: 0 12px; background: #2f5bea; color: #fff; }
    form button.voice { background: #e8edfd; color: #2f5bea; display: grid; place-items: center; }
    form button.voice.on { background: #d93025; color: #fff; }
    button:disabled { opacity: .5; cursor: default; }
  `;

  class VoiceHelperWidget extends HTMLElement {
    constructor() {
      super();
      this.token = null;
      this.tokenExpires = 0;
      this.call = null;
      this.busy = false;
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = `
        <style>${STYLE}</style>
        <section class="panel" role="dialog" lang="${LANG}" aria-label="${escapeHtml(TITLE)}" hidden>
          <header><button type="button" class="list" aria-label="${T.conversations}" aria-expanded="false">${LIST_ICON}</button><span class="title">${escapeHtml(TITLE)}</span><button type="button" class="close" aria-label="${T.close}">×</button></header>
          <nav class="threads" aria-label="${T.conversations}" hidden><button type="button" class="new">+ ${T.newConversation}</button><ul></ul></nav>
          <ol class="log" aria-live="polite"></ol>
          <p class="live"></p>
          <form>
            <input name="question" autocomplete="off" placeholder="${T.placeholder}" aria-label="${T.question}">
            <button type="button" class="voice" aria-label="${PUSH_TO_TALK ? T.voicePushToTalk : T.voiceHandsFree}" title="${PUSH_TO_TALK ? T.holdToTalk : T.talk}">${MIC_ICON}</button>
            <button type="submit" class="send">${T.send}</button>
          </form>
        </section>
        <button type="button" class="bubble" aria-label="${escapeHtml(TITLE)}" aria-expanded="false">${CHAT_ICON}</button>`;
      this.$ = selector => root.querySelector(selector);
      this.$('.bubble').addEventListener('click', () => this.toggle());
      this.$('.close').addEventListener('click', () => this.toggle(false));
      this.$('.list').addEventListener('click', () => this.showThreads(this.$('.threads').hidden));
      this.$('.threads .new').addEventListener('click', () => {
        this.startNew();
        this.showThreads(false);
      });
      this.$('form').addEventListener('submit', event => {
        event.preventDefault();
        const input = this.$('input');
        if (input.value.trim() && !this.busy) {
          this.ask(input.value.trim());
          input.value = '';
        }
      });
      const voice = this.$('.voice');
      if (PUSH_TO_TALK) {
        voice.addEventListener('pointerdown', () => this.pushToTalk(true));
        voice.addEventListener('pointerup', () => this.pushToTalk(false));
        voice.addEventListener('pointerleave', () => this.pushToTalk(false));
      } else {
        voice.addEventListener('click', () => (this.call ? this.call.hangUp() : this.startCall(true)));
      }
    }

    async toggle(open) {
      const panel = this.$('.panel');
      const show = open ?? panel.hidden;
      panel.hidden = !show;
      this.$('.bubble').setAttribute('aria-expanded', String(show));
      if (show && !this.ready) {
        this.ready = this.restore();
        await this.ready;
      }
      if (show) {
        this.$('input').focus();
      }
    }

    /** The visitor token, exchanged again shortly before it expires (or after a refusal); one exchange at a time. */
    session() {
      if (this.token && Date.now() < this.tokenExpires - 30_000) {
        return Promise.resolve(this.token);
      }
      this.exchange ??= this.exchangeKey().finally(() => (this.exchange = null));
      return this.exchange;
    }

    async exchangeKey() {
      const response = await fetch(`${BASE}/api/v1/widget/sessions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ key: KEY, visitor_id: localStorage.getItem(STORE + 'visitor') || undefined }),
      });
      if (!response.ok) {
        throw await problem(response);
      }
      const body = await response.json();
      localStorage.setItem(STORE + 'visitor', body.visitor_id);
      this.token = body.access_token;
      this.tokenExpires = Date.now() + body.expires_in * 1000;
      return this.token;
    }

    async api(path, options = {}, retried = false) {
      const token = await this.session();
      const response = await fetch(BASE + path, { ...options, headers: { ...(options.headers || {}), Authorization: `Bearer ${token}` } });
      if (response.status === 401 && !retried) {
        this.token = null;
        return this.api(path, options, true);
      }
      return response;
    }

    /** The conversation of earlier page loads, shown again; a new one when there is none (or it is gone). */
    async restore() {
      try {
        await this.session();
        const id = localStorage.getItem(STORE + 'conversation');
        if (!id || !(await this.load(id))) {
          this.startNew();
        }
      } catch (error) {
        this.refuse(error);
      }
    }

    /** Shows one of the visitor's conversations and makes it the current one; false when it is not there. */
    async load(id) {
      const response = await this.api(`/api/v1/conversations/${id}/messages?page_size=100`);
      if (!response.ok) {
        return false;
      }
      const messages = (await response.json()).items;
      this.call?.hangUp();
      this.$('.log').replaceChildren();
      for (const message of messages) {
        const item = this.add(message.role === 'user' ? 'user' : 'assistant', message.content);
        if (message.role !== 'user') {
          showSources(item, message.sources);
        }
      }
      this.conversation = id;
      localStorage.setItem(STORE + 'conversation', id);
      return true;
    }

    /** An empty conversation: created on the first question. */
    startNew() {
      this.call?.hangUp();
      this.conversation = null;
      localStorage.removeItem(STORE + 'conversation');
      this.$('.log').replaceChildren();
      this.add('notice', T.greeting);
    }

    /** The visitor's conversations (newest first) in place of the current one, or back. */
    async showThreads(show) {
      const threads = this.$('.threads');
      threads.hidden = !show;
      this.$('.log').hidden = show;
      this.$('form').hidden = show;
      this.$('.list').setAttribute('aria-expanded', String(show));
      if (!show) {
        return;
      }
      const list = threads.querySelector('ul');
      try {
        await this.ready;
        const response = await this.api('/api/v1/conversations?page_size=50');
        if (!response.ok) {
          throw await problem(response);
        }
        const items = (await response.json()).items;
        list.replaceChildren(...items.map(conversation => this.thread(conversation)));
        if (items.length === 0) {
          const empty = document.createElement('p');
          empty.textContent = T.noConversations;
          list.append(empty);
        }
      } catch (error) {
        this.showThreads(false);
        this.refuse(error);
      }
    }

    /** One row of the list: open it, rename it in place (Enter saves, Escape cancels), delete it. */
    thread(conversation) {
      const row = document.createElement('li');
      row.dataset.id = conversation.id;
      row.setAttribute('aria-current', String(conversation.id === this.conversation));
      const open = button('open', conversation.title || T.newConversation);
      open.addEventListener('click', async () => {
        if (conversation.id === this.conversation || (await this.load(conversation.id))) {
          this.showThreads(false);
        }
      });
      const rename = button('rename', T.rename);
      rename.addEventListener('click', () => {
        const input = document.createElement('input');
        input.value = open.textContent;
        input.setAttribute('aria-label', T.newTitle);
        input.addEventListener('keydown', async event => {
          if (event.key === 'Escape') {
            input.replaceWith(open);
          } else if (event.key === 'Enter' && input.value.trim()) {
            const response = await this.api(`/api/v1/conversations/${conversation.id}`, {
              method: 'PATCH',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ title: input.value.trim() }),
            });
            if (response.ok) {
              open.textContent = (await response.json()).title;
              input.replaceWith(open);
            } else {
              this.refuse(await problem(response));
            }
          }
        });
        open.replaceWith(input);
        input.focus();
      });
      const remove = button('delete', T.delete);
      remove.addEventListener('click', async () => {
        const response = await this.api(`/api/v1/conversations/${conversation.id}`, { method: 'DELETE' });
        if (!response.ok && response.status !== 404) {
          this.refuse(await problem(response));
          return;
        }
        row.remove();
        if (conversation.id === this.conversation) {
          this.startNew();
        }
      });
      row.append(open, rename, remove);
      return row;
    }

    async conversationId(title = format(T.conversationTitle, location.host)) {
      if (this.conversation) {
        return this.conversation;
      }
      const response = await this.api('/api/v1/conversations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title }),
      });
      if (!response.ok) {
        throw await problem(response);
      }
      this.conversation = (await response.json()).id;
      localStorage.setItem(STORE + 'conversation', this.conversation);
      return this.conversation;
    }

    async ask(question) {
      this.setBusy(true);
      await this.ready;
      this.add('user', question);
      const item = this.add('assistant', '');
      const text = item.querySelector('.text');
      try {
        const id = await this.conversationId(question.slice(0, 80));
        const response = await this.api(`/api/v1/conversations/${id}/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
          body: JSON.stringify({ content: question }),
        });
        if (!response.ok) {
          throw await problem(response);
        }
        for await (const { event, data } of serverSentEvents(response.body)) {
          if (event === 'token') {
            text.textContent += data.delta;
            this.scroll();
          } else if (event === 'end') {
            text.textContent = data.content;
            showSources(item, data.sources);
          } else if (event === 'error') {
            throw Object.assign(new Error(data.detail), { code: data.code });
          }
        }
      } catch (error) {
        item.remove();
        this.refuse(error);
      } finally {
        this.setBusy(false);
        this.scroll();
      }
    }

    async startCall(handsFree) {
      const voice = this.$('.voice');
      voice.disabled = true;
      try {
        await loadEngine();
        const token = await this.session();
        const conversationId = await this.conversationId();
        let answer = null;
        // A call may outlive the visitor token: the engine asks for the re-exchanged one and sends it on (session.auth).
        this.call = await VoiceHelperCall.start({ base: BASE, token, freshToken: () => this.session(), conversationId, handsFree, lang: LANG }, {
          status: status => (this.$('.live').textContent = status),
          partial: partial => partial && (this.$('.live').textContent = partial),
          heard: heard => {
            this.add('user', heard);
            answer = null;
          },
          delta: (_, delta) => {
            answer ??= this.add('assistant', '');
            answer.querySelector('.text').textContent += delta;
            this.scroll();
          },
          done: (_, text, status, sources) => {
            answer ??= this.add('assistant', '');
            answer.querySelector('.text').textContent = text;
            showSources(answer, sources);
            answer = null;
            this.scroll();
          },
          ended: status => {
            this.call = null;
            voice.classList.remove('on');
            this.$('.live').textContent = status;
          },
        });
        voice.classList.add('on');
      } catch (error) {
        this.refuse(error);
      } finally {
        voice.disabled = false;
      }
    }

    async pushToTalk(talking) {
      if (talking && !this.call) {
        await this.startCall(false);
      }
      this.call?.talk(talking);
    }

    add(role, content) {
      const item = document.createElement('li');
      item.className = role;
      const text = document.createElement('span');
      text.className = 'text';
      text.textContent = content;
      item.append(text);
      this.$('.log').append(item);
      this.scroll();
      return item;
    }

    refuse(error) {
      const text = error.code === 'origin_not_allowed' ? T.originNotAllowed
        : error.code === 'rate_limited' ? T.rateLimited
        : error.message || T.failed;
      this.add('notice', error.code ? `${text} (${error.code})` : text).dataset.code = error.code || '';
    }

    setBusy(busy) {
      this.busy = busy;
      this.$('.send').disabled = busy;
    }

    scroll() {
      const log = this.$('.log');
      log.scrollTop = log.scrollHeight;
    }
  }

  async function problem(response) {
    let body = {};
    try {
      body = await response.json();
    } catch {
      // not a problem document
    }
    return Object.assign(new Error(body.detail || body.title || format(T.failedStatus, response.status)), { code: body.code, status: response.status });
  }

  /** Parses a text/event-stream body into { event, data } (data as JSON). */
  async function* serverSentEvents(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value.replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) {
            event = line.slice(6).trim();
          } else if (line.startsWith('data:')) {
            data.push(line.slice(5).trimStart());
          }
        }
        if (data.length) {
          yield { event, data: JSON.parse(data.join('\n')) };
        }
      }
    }
  }

  function showSources(item, sources) {
    item.querySelector('.sources')?.remove();
    const cited = Array.isArray(sources) ? sources.filter(s => s.cited !== false) : [];
    if (cited.length === 0) {
      return;
    }
    const list = document.createElement('ol');
    list.className = 'sources';
    for (const source of cited) {
      const entry = document.createElement('li');
      entry.textContent = `[${source.index ?? ''}] ${source.title || source.document_id || T.source}${source.page ? format(T.page, source.page) : ''}`;
      entry.title = source.snippet || source.text || '';
      list.append(entry);
    }
    item.append(list);
  }

  let engine = null;
  function loadEngine() {
    engine ??= globalThis.VoiceHelperCall ? Promise.resolve() : new Promise((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = `${BASE}/voice/voice-call.js`;
      tag.onload = resolve;
      tag.onerror = () => reject(new Error(T.engineUnavailable));
      document.head.append(tag);
    });
    return engine;
  }

  function button(className, text) {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = className;
    element.textContent = text;
    return element;
  }

  function format(template, value) {
    return template.replace('{0}', value);
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
  }

  customElements.define('voicehelper-widget', VoiceHelperWidget);
  document.body ? document.body.append(document.createElement('voicehelper-widget'))
    : addEventListener('DOMContentLoaded', () => document.body.append(document.createElement('voicehelper-widget')));
})();
