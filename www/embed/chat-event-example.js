/*
 * <chat-event-example>: a live SendChatIntegrationEvent example in any documentation page, with one tag.
 *
 *   <script src="https://YOUR-PLAYGROUND/embed/chat-event-example.js" defer></script>
 *   <chat-event-example panels="form,outputs,simulator" tab="cli" theme="auto" readonly
 *     request='{"SourceId":"+15551234567", ...}'></chat-event-example>
 *
 * The request (and optionally a scenario and the options) can also come from an inline JSON child:
 *   <chat-event-example><script type="application/json">{"request": {...}, "tab": "json"}</script></chat-event-example>
 *
 * The element creates a sandboxed iframe of the playground's embed mode and sizes it to its content. The
 * frame reports its height with postMessage; messages are accepted only from that frame's window and
 * origin and only in the expected shape, and the frame posts only to this page's origin.
 * No framework, no innerHTML: attribute values only ever reach the frame as URL parameters.
 */
(() => {
  'use strict';
  if (customElements.get('chat-event-example')) return;

  const script = document.currentScript;
  // The playground is served from the folder above this script (…/embed/chat-event-example.js).
  const defaultBase = script && script.src ? new URL('../', script.src).href : new URL('./', location.href).href;
  const PANELS = ['form', 'outputs', 'simulator'];
  const TABS = ['json', 'cli', 'shorthand', 'cli-input-json', 'cli-input-yaml', 'sdk'];
  const THEMES = ['auto', 'light', 'dark'];
  const MAX_HEIGHT = 4000;
  let nextId = 0;

  const pick = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);

  class ChatEventExample extends HTMLElement {
    connectedCallback() {
      if (this.frame) return;
      this.frameId = `cee-${++nextId}`;
      const options = this.readOptions();
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms');
      frame.title = options.title;
      frame.style.cssText = 'display:block;width:100%;border:0;height:320px;color-scheme:normal;';
      frame.src = this.frameUrl(options);
      this.frameOrigin = new URL(frame.src).origin;
      this.frame = frame;
      this.onMessage = (event) => this.receive(event);
      window.addEventListener('message', this.onMessage);
      this.appendChild(frame);
    }

    disconnectedCallback() {
      window.removeEventListener('message', this.onMessage);
      if (this.frame) this.frame.remove();
      this.frame = null;
    }

    /** Options from the inline JSON child, then from attributes (attributes win). */
    readOptions() {
      let inline = {};
      const child = this.querySelector('script[type="application/json"]');
      if (child) {
        try {
          const parsed = JSON.parse(child.textContent);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) inline = parsed;
        } catch (error) {
          console.warn('<chat-event-example>: the inline JSON is not valid JSON:', error.message);
        }
      }
      const attr = (name) => (this.hasAttribute(name) ? this.getAttribute(name) : undefined);
      const requestText = attr('request') ?? (inline.request !== undefined ? JSON.stringify(inline.request) : undefined);
      const scenarioText = attr('scenario') ?? (inline.scenario !== undefined ? JSON.stringify(inline.scenario) : undefined);
      const panels = String(attr('panels') ?? inline.panels ?? PANELS.join(','))
        .split(',').map((p) => p.trim()).filter((p) => PANELS.includes(p));
      return {
        request: requestText,
        scenario: scenarioText,
        panels: panels.length ? panels : PANELS,
        tab: pick(attr('tab') ?? inline.tab, TABS, 'cli'),
        theme: pick(attr('theme') ?? inline.theme, THEMES, 'auto'),
        readonly: this.hasAttribute('readonly') || inline.readonly === true,
        title: String(attr('title') ?? inline.title ?? 'SendChatIntegrationEvent example'),
        base: attr('playground') ?? inline.playground ?? defaultBase,
      };
    }

    frameUrl(options) {
      const url = new URL('index.html', new URL(options.base, location.href));
      const params = url.searchParams;
      params.set('embed', '1');
      params.set('frame', this.frameId);
      params.set('parent', location.origin);
      params.set('panels', options.panels.join(','));
      params.set('tab', options.tab);
      params.set('theme', options.theme);
      if (options.readonly) params.set('readonly', '1');
      if (options.request !== undefined) params.set('request', options.request);
      if (options.scenario !== undefined) params.set('scenario', options.scenario);
      return url.href;
    }

    receive(event) {
      if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== this.frameOrigin) return;
      const data = event.data;
      if (!data || typeof data !== 'object' || data.source !== 'chat-event-lab' || data.frame !== this.frameId) return;
      if (data.type === 'resize' && Number.isFinite(data.height)) {
        const height = Math.max(80, Math.min(MAX_HEIGHT, Math.ceil(data.height)));
        // Only a real change resizes, so a frame whose content follows its own height cannot loop.
        if (Math.abs(this.frame.offsetHeight - height) >= 2) this.frame.style.height = `${height}px`;
      }
    }
  }

  customElements.define('chat-event-example', ChatEventExample);
})();
