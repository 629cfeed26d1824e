/*
 * <chat-event-example>: a live SendChatIntegrationEvent example in any documentation page, with one tag.
 *
 *   <script src="https://YOUR-PLAYGROUND/embed/chat-event-example.js" defer></script>
 *   <chat-event-example title="The first SMS message" panels="form,outputs,simulator" tab="cli" theme="auto"
 *     request='{"SourceId":"+15551234567", ...}'></chat-event-example>
 *
 * Attributes (all optional):
 *   request     the request: JSON, YAML or an `aws connect send-chat-integration-event` command
 *   scenario    simulator steps to start from (the core scenario format, JSON or YAML)
 *   panels      comma list of form, outputs, simulator (default: all three)
 *   tab         the output shown first: cli, json, shorthand, cli-input-json, cli-input-yaml (default cli)
 *   theme       auto, light or dark (default auto: the reader's system setting)
 *   readonly    the form shows the request but cannot change it (Send and "Open in playground" still work)
 *   title       the caption above the example, and the frame's accessible name
 *   playground  where the playground is served (default: the folder above this script)
 *   loading     lazy (default) or eager
 *
 * Instead of attributes, an inline JSON child can hold the same options (attributes win); there `request`
 * and `scenario` may be objects:
 *   <chat-event-example><script type="application/json">{"request": {...}, "tab": "json"}</script></chat-event-example>
 *
 * The element creates a sandboxed iframe of the playground's embed mode (index.html?embed=1&…) and sizes it
 * to its content. The frame posts {source: 'chat-event-lab', type: 'resize', frame, height} to this page's
 * origin only; the element accepts a message only from its own frame's window and the playground's origin,
 * and only in that shape. No framework, no innerHTML: attribute values reach the frame only as URL
 * parameters, and messages are shown with textContent.
 */
(() => {
  'use strict';
  if (!window.customElements || customElements.get('chat-event-example')) return;

  const script = document.currentScript;
  // The playground is served from the folder above this script (…/embed/chat-event-example.js).
  const defaultBase = script && script.src ? new URL('../', script.src).href : new URL('./', location.href).href;
  const PANELS = ['form', 'outputs', 'simulator'];
  const TABS = ['cli', 'json', 'shorthand', 'cli-input-json', 'cli-input-yaml'];
  const THEMES = ['auto', 'light', 'dark'];
  const OPTIONS = ['request', 'scenario', 'panels', 'tab', 'theme', 'readonly', 'title', 'playground', 'loading'];
  const MIN_HEIGHT = 60;
  const MAX_HEIGHT = 6000;
  let nextId = 0;

  const pick = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);
  const asText = (value) => (value === undefined || value === null ? undefined
    : typeof value === 'string' ? value : JSON.stringify(value));

  class ChatEventExample extends HTMLElement {
    static get observedAttributes() { return OPTIONS; }

    connectedCallback() {
      this.frameId = this.frameId || `chat-event-example-${++nextId}`;
      if (!this.onMessage) {
        this.onMessage = (event) => this.receive(event);
        window.addEventListener('message', this.onMessage);
      }
      this.render();
    }

    disconnectedCallback() {
      window.removeEventListener('message', this.onMessage);
      this.onMessage = null;
      if (this.frame) this.frame.remove();
      if (this.error) this.error.remove();
      this.frame = null;
      this.error = null;
    }

    attributeChangedCallback() {
      if (this.isConnected && (this.frame || this.error)) this.render();
    }

    /** (Re)creates the frame from the current options, or shows why it cannot. */
    render() {
      let options;
      let src;
      try {
        options = this.readOptions();
        src = this.frameUrl(options);
      } catch (error) {
        this.showError(error.message);
        return;
      }
      if (this.error) { this.error.remove(); this.error = null; }
      if (this.frame && this.frame.src === src) return;
      if (this.frame) this.frame.remove();
      const frame = document.createElement('iframe');
      // Scripts and same-origin (to load the playground's own wasm); popups for "Open in playground".
      // No top navigation, no forms, no downloads, no modals.
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
      frame.setAttribute('allow', 'clipboard-write');
      frame.setAttribute('loading', options.loading);
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.title = options.title;
      frame.className = 'chat-event-example-frame';
      frame.style.cssText = 'display:block;width:100%;border:0;height:420px;';
      frame.src = src;
      this.frameOrigin = new URL(src).origin;
      this.frame = frame;
      this.height = 0;
      this.appendChild(frame);
    }

    showError(message) {
      if (this.frame) { this.frame.remove(); this.frame = null; }
      if (!this.error) {
        this.error = document.createElement('p');
        this.error.className = 'chat-event-example-error';
        this.error.setAttribute('role', 'alert');
        this.appendChild(this.error);
      }
      this.error.textContent = `<chat-event-example>: ${message}`;
    }

    /** Options from the inline JSON child, then from attributes (attributes win). */
    readOptions() {
      let inline = {};
      const child = this.querySelector(':scope > script[type="application/json"]');
      if (child) {
        let parsed;
        try {
          parsed = JSON.parse(child.textContent);
        } catch (error) {
          throw new Error(`the inline JSON could not be read (${error.message}).`);
        }
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
          throw new Error('the inline JSON must be an object, such as {"request": {…}}.');
        }
        inline = parsed;
      }
      const attr = (name) => (this.hasAttribute(name) ? this.getAttribute(name) : undefined);
      const panelList = attr('panels') ?? inline.panels ?? PANELS;
      const panels = (Array.isArray(panelList) ? panelList : String(panelList).split(','))
        .map((p) => String(p).trim()).filter((p) => PANELS.includes(p));
      return {
        request: attr('request') ?? asText(inline.request),
        scenario: attr('scenario') ?? asText(inline.scenario),
        panels: panels.length ? panels : PANELS,
        tab: pick(attr('tab') ?? inline.tab, TABS, 'cli'),
        theme: pick(attr('theme') ?? inline.theme, THEMES, 'auto'),
        readonly: this.hasAttribute('readonly') ? attr('readonly') !== 'false' : inline.readonly === true,
        title: String(attr('title') ?? inline.title ?? 'SendChatIntegrationEvent example').slice(0, 200),
        base: String(attr('playground') ?? inline.playground ?? defaultBase),
        loading: pick(attr('loading') ?? inline.loading, ['lazy', 'eager'], 'lazy'),
      };
    }

    frameUrl(options) {
      let base = new URL(options.base, location.href);
      if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error('the playground must be an http(s) address.');
      if (!base.pathname.endsWith('/') && !base.pathname.endsWith('.html')) base = new URL(`${base.pathname}/`, base);
      const url = new URL(base.pathname.endsWith('.html') ? base.href : 'index.html', base);
      url.search = '';
      url.hash = '';
      const params = url.searchParams;
      params.set('embed', '1');
      params.set('frame', this.frameId);
      params.set('parent', location.origin);
      params.set('panels', options.panels.join(','));
      params.set('tab', options.tab);
      params.set('theme', options.theme);
      if (options.readonly) params.set('readonly', '1');
      params.set('title', options.title);
      if (options.request !== undefined) params.set('request', options.request);
      if (options.scenario !== undefined) params.set('scenario', options.scenario);
      return url.href;
    }

    /** A resize message from our frame: anything else (another window, origin or shape) is ignored. */
    receive(event) {
      if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== this.frameOrigin) return;
      const data = event.data;
      if (!data || typeof data !== 'object' || Array.isArray(data)) return;
      if (data.source !== 'chat-event-lab' || data.type !== 'resize' || data.frame !== this.frameId) return;
      if (typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
      const height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, Math.ceil(data.height)));
      // Only a change resizes; the frame measures its content, not its viewport, so this settles.
      if (height === this.height) return;
      this.height = height;
      this.frame.style.height = `${height}px`;
      this.dispatchEvent(new CustomEvent('chat-event-example:resize', { detail: { height } }));
    }
  }

  customElements.define('chat-event-example', ChatEventExample);
})();
