/**
 * A small fake of the `vscode` API for host unit tests and benchmarks under plain Node: the parts
 * our host classes use, with every event's listeners and every created resource counted, so a test
 * can check that disposing an object leaves nothing behind. `installFakeVscode()` makes
 * `import * as vscode from 'vscode'` resolve to it.
 *
 * To extend it, add what a host class needs to the matching namespace below; create events with
 * `this.emitter()` (so their listeners are counted) and resources with `this.track()`.
 */
import Module from 'node:module';

type Listener<T> = (event: T) => unknown;

export interface FakeDisposable {
  dispose(): void;
}

export class FakeEmitter<T> {
  private listeners: Array<{ listener: Listener<T>; thisArg: unknown }> = [];

  readonly event = (listener: Listener<T>, thisArg?: unknown, disposables?: FakeDisposable[]): FakeDisposable => {
    const entry = { listener, thisArg };
    this.listeners.push(entry);
    const subscription = { dispose: () => { this.listeners = this.listeners.filter((each) => each !== entry); } };
    disposables?.push(subscription);
    return subscription;
  };

  get listenerCount(): number {
    return this.listeners.length;
  }

  fire(event: T): void {
    // Unsubscribing replaces the array, so this loop is safe without a copy (the benchmarks fire millions).
    for (const { listener, thisArg } of this.listeners) {
      listener.call(thisArg, event);
    }
  }

  dispose(): void {
    this.listeners = [];
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}
export class Range {
  constructor(readonly start: Position, readonly end: Position) {}
}
export class Selection extends Range {
  constructor(readonly anchor: Position, readonly active: Position) {
    super(anchor, active);
  }
}

/** `vscode.WebviewPanelSerializer`. */
export interface FakeSerializer {
  deserializeWebviewPanel(panel: FakeWebviewPanel, state: unknown): Promise<void>;
}

export class FakeUri {
  constructor(readonly scheme: string, readonly path: string) {}
  static file(path: string): FakeUri {
    return new FakeUri('file', path);
  }
  with(change: { readonly path?: string }): FakeUri {
    return new FakeUri(this.scheme, change.path ?? this.path);
  }
  /** The path on the disk (the same as `path` for the POSIX paths the tests use). */
  get fsPath(): string {
    return this.path;
  }
  static joinPath(base: FakeUri, ...parts: string[]): FakeUri {
    const joined = [base.path, ...parts].join('/').replace(/\/+/g, '/');
    const normal: string[] = [];
    for (const part of joined.split('/')) {
      if (part === '..') {
        normal.pop();
      } else if (part !== '.') {
        normal.push(part);
      }
    }
    return new FakeUri(base.scheme, normal.join('/') || '/');
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class MarkdownString {
  value: string;
  isTrusted: unknown;
  constructor(value = '', readonly supportThemeIcons = false) {
    this.value = value;
  }
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

/** `vscode.l10n.t`: English as written, `{0}`… filled in. */
export function formatMessage(message: string, ...args: unknown[]): string {
  return message.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)]));
}

export class FileSystemError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/** `vscode.workspace.fs` in memory: files by URI string, folders implied by their files. */
export class MemoryFileSystem {
  readonly files = new Map<string, { data: Uint8Array; mtime: number }>();

  async stat(uri: FakeUri): Promise<{ type: number; mtime: number; size: number }> {
    const file = this.files.get(uri.toString());
    if (file) {
      return { type: 1, mtime: file.mtime, size: file.data.length };
    }
    if (this.childrenOf(uri).length > 0) {
      return { type: 2, mtime: 0, size: 0 };
    }
    throw new FileSystemError(`not found: ${uri.toString()}`, 'FileNotFound');
  }

  async readFile(uri: FakeUri): Promise<Uint8Array> {
    const file = this.files.get(uri.toString());
    if (!file) {
      throw new FileSystemError(`not found: ${uri.toString()}`, 'FileNotFound');
    }
    return file.data;
  }

  async writeFile(uri: FakeUri, data: Uint8Array): Promise<void> {
    this.files.set(uri.toString(), { data, mtime: Date.now() });
  }

  async createDirectory(): Promise<void> {
    // Folders exist through their files.
  }

  async readDirectory(uri: FakeUri): Promise<Array<[string, number]>> {
    const names = new Map<string, number>();
    for (const child of this.childrenOf(uri)) {
      const [name, ...rest] = child.split('/');
      names.set(name, rest.length > 0 ? 2 : 1);
    }
    return [...names];
  }

  async rename(from: FakeUri, to: FakeUri): Promise<void> {
    const file = this.files.get(from.toString());
    if (!file) {
      throw new FileSystemError(`not found: ${from.toString()}`, 'FileNotFound');
    }
    this.files.delete(from.toString());
    this.files.set(to.toString(), file);
  }

  async delete(uri: FakeUri): Promise<void> {
    const prefix = `${uri.toString()}/`;
    for (const key of [...this.files.keys()]) {
      if (key === uri.toString() || key.startsWith(prefix)) {
        this.files.delete(key);
      }
    }
  }

  private childrenOf(uri: FakeUri): string[] {
    const prefix = `${uri.toString().replace(/\/$/, '')}/`;
    return [...this.files.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
  }
}

/** A `Memento` in memory (workspace or global state). */
export class MemoryMemento {
  readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (structuredClone(this.values.get(key)) as T) : fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) {
      this.values.delete(key);
    } else {
      this.values.set(key, structuredClone(value));
    }
  }
  setKeysForSync(): void {
    // Nothing is synced in a test.
  }
}

export interface FakeStatusBarItem {
  readonly id: string;
  name: string;
  text: string;
  tooltip: unknown;
  command: unknown;
  backgroundColor: unknown;
  accessibilityInformation: unknown;
  shown: boolean;
  disposed: boolean;
  show(): void;
  hide(): void;
  dispose(): void;
}

export interface FakeWebviewPanel {
  readonly viewType: string;
  title: string;
  visible: boolean;
  disposed: boolean;
  readonly webview: {
    html: string;
    options: unknown;
    readonly cspSource: string;
    /** What the extension posted to the page, in order. */
    readonly posted: unknown[];
    postMessage(message: unknown): Thenable<boolean>;
    asWebviewUri(uri: FakeUri): FakeUri;
    readonly onDidReceiveMessage: FakeEmitter<unknown>['event'];
  };
  /** Delivers a message from the page. */
  receive(message: unknown): void;
  /** Hides or shows the panel, as switching tabs does. */
  setVisible(visible: boolean): void;
  reveal(): void;
  readonly onDidDispose: FakeEmitter<void>['event'];
  readonly onDidChangeViewState: FakeEmitter<unknown>['event'];
  dispose(): void;
}

/** An `ExtensionContext` for host classes that take one: memory state and storage folders. */
export function fakeExtensionContext(): {
  readonly workspaceState: MemoryMemento;
  readonly globalState: MemoryMemento;
  readonly extensionUri: FakeUri;
  readonly storageUri: FakeUri;
  readonly globalStorageUri: FakeUri;
  readonly subscriptions: FakeDisposable[];
} {
  return {
    workspaceState: new MemoryMemento(),
    globalState: new MemoryMemento(),
    extensionUri: FakeUri.file('/extension'),
    storageUri: FakeUri.file('/storage/workspace'),
    globalStorageUri: FakeUri.file('/storage/global'),
    subscriptions: [],
  };
}

export interface FakeLog {
  readonly lines: string[];
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  dispose(): void;
}

/** A diff editor's input: its two sides. */
export class TabInputTextDiff {
  constructor(readonly original: FakeUri, readonly modified: FakeUri) {}
}

export class FakeVscode {
  /** Marks this object as an ES module namespace for `import * as vscode` in compiled CommonJS. */
  readonly __esModule = true;
  private emitters: Array<FakeEmitter<unknown>> = [];
  private resources = new Set<{ readonly kind: string; disposed: boolean }>();
  /** The user's settings by full key (`ownershipRatio.statusBar.period`); unset keys read their default. */
  readonly settings = new Map<string, unknown>();
  readonly statusBarItems: FakeStatusBarItem[] = [];
  readonly panels: FakeWebviewPanel[] = [];
  /** The webview panel serializers by view type, as registered. */
  readonly serializers = new Map<string, FakeSerializer>();
  readonly commandHandlers = new Map<string, (...args: unknown[]) => unknown>();
  readonly messages: string[] = [];

  readonly onDidChangeTextDocument = this.emitter<unknown>();
  readonly onDidChangeConfiguration = this.emitter<{ affectsConfiguration(section: string): boolean }>();
  readonly onDidChangeTextEditorSelection = this.emitter<unknown>();
  readonly onDidChangeWindowState = this.emitter<{ focused: boolean }>();
  readonly onWillSaveTextDocument = this.emitter<unknown>();
  readonly onDidOpenTextDocument = this.emitter<unknown>();
  readonly onDidCloseTextDocument = this.emitter<unknown>();
  readonly onDidCreateFiles = this.emitter<{ files: readonly FakeUri[] }>();
  readonly onDidChangeTabs = this.emitter<unknown>();
  readonly onDidChangeExtensions = this.emitter<void>();
  readonly onDidStartTerminalShellExecution = this.emitter<{ execution: unknown }>();
  readonly onDidEndTerminalShellExecution = this.emitter<{ execution: unknown }>();
  readonly onDidOpenTerminal = this.emitter<unknown>();
  readonly onDidCloseTerminal = this.emitter<unknown>();
  readonly onDidChangeTerminalShellIntegration = this.emitter<{ terminal: unknown }>();

  /** The file system watchers created so far, with an emitter per event kind (tests fire them). */
  readonly fileWatchers: Array<{ readonly change: FakeEmitter<unknown>; readonly create: FakeEmitter<unknown>; readonly remove: FakeEmitter<unknown> }> = [];

  readonly Position = Position;
  readonly Range = Range;
  readonly Selection = Selection;
  readonly Uri = FakeUri;
  readonly MarkdownString = MarkdownString;
  readonly ThemeColor = ThemeColor;
  readonly EventEmitter = countedEmitterClass((emitter) => this.emitters.push(emitter));
  readonly StatusBarAlignment = { Left: 1, Right: 2 };
  readonly ViewColumn = { Active: -1, Beside: -2, One: 1 };
  readonly ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 };
  readonly TextDocumentChangeReason = { Undo: 1, Redo: 2 };
  readonly EndOfLine = { LF: 1, CRLF: 2 };
  readonly TextEditorSelectionChangeKind = { Keyboard: 1, Mouse: 2, Command: 3 };
  readonly FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };
  readonly FileSystemError = FileSystemError;
  readonly FilePermission = { Readonly: 1 };
  readonly DocumentDropOrPasteEditKind = { Empty: { append: (...parts: string[]) => ({ value: parts.join('.') }) } };
  readonly fs = new MemoryFileSystem();
  readonly env = { language: 'en' };
  /** Installed extensions (their package.json as `packageJSON`). */
  readonly extensions = { all: [] as Array<{ id: string; packageJSON: unknown }>, onDidChange: this.onDidChangeExtensions.event };
  readonly TabInputTextDiff = TabInputTextDiff;
  readonly l10n = { t: formatMessage };

  readonly window = {
    tabGroups: { all: [] as Array<{ tabs: Array<{ input: unknown }> }>, onDidChangeTabs: this.onDidChangeTabs.event },
    onDidChangeTextEditorSelection: this.onDidChangeTextEditorSelection.event,
    onDidChangeWindowState: this.onDidChangeWindowState.event,
    activeTextEditor: undefined as unknown,
    terminals: [] as unknown[],
    onDidStartTerminalShellExecution: this.onDidStartTerminalShellExecution.event,
    onDidEndTerminalShellExecution: this.onDidEndTerminalShellExecution.event,
    onDidOpenTerminal: this.onDidOpenTerminal.event,
    onDidCloseTerminal: this.onDidCloseTerminal.event,
    onDidChangeTerminalShellIntegration: this.onDidChangeTerminalShellIntegration.event,
    createStatusBarItem: (id: string): FakeStatusBarItem => this.statusBarItem(id),
    createWebviewPanel: (viewType: string, title: string): FakeWebviewPanel => this.webviewPanel(viewType, title),
    registerWebviewPanelSerializer: (viewType: string, serializer: FakeSerializer): FakeDisposable => {
      this.serializers.set(viewType, serializer);
      return this.track('serializer');
    },
    createOutputChannel: (): FakeLog => fakeLog(),
    showInformationMessage: (message: string) => this.message(message),
    showWarningMessage: (message: string) => this.message(message),
    showErrorMessage: (message: string) => this.message(message),
    /** Answered by the next of `quickPicks` (none: dismissed); the items and options are kept in `shownPicks`. */
    showQuickPick: async <T>(items: readonly T[] | Thenable<readonly T[]>, options?: unknown): Promise<T | undefined> => {
      const list = await items;
      this.shownPicks.push({ items: list, options });
      return (this.quickPicks.shift()?.(list) as T | undefined) ?? undefined;
    },
    /** Answered by the next of `saveDialogs` (none: cancelled); the options are kept in `shownSaveDialogs`. */
    showSaveDialog: async (options?: unknown): Promise<FakeUri | undefined> => {
      this.shownSaveDialogs.push(options);
      return this.saveDialogs.shift();
    },
  };

  /** What the next quick picks choose from their items (undefined: dismissed). */
  readonly quickPicks: Array<(items: readonly unknown[]) => unknown> = [];
  readonly shownPicks: Array<{ items: readonly unknown[]; options: unknown }> = [];
  /** The files the next save dialogs return (undefined: cancelled). */
  readonly saveDialogs: Array<FakeUri | undefined> = [];
  readonly shownSaveDialogs: unknown[] = [];

  readonly workspace = {
    onDidChangeTextDocument: this.onDidChangeTextDocument.event,
    onDidChangeConfiguration: this.onDidChangeConfiguration.event,
    onWillSaveTextDocument: this.onWillSaveTextDocument.event,
    onDidOpenTextDocument: this.onDidOpenTextDocument.event,
    onDidCloseTextDocument: this.onDidCloseTextDocument.event,
    onDidCreateFiles: this.onDidCreateFiles.event,
    textDocuments: [] as unknown[],
    fs: this.fs,
    asRelativePath: (uri: FakeUri) => this.workspace.workspaceFolders.reduce((path, folder) => (path.startsWith(`${folder.uri.path}/`) ? path.slice(folder.uri.path.length + 1) : path), uri.path),
    /** The workspace folders (`getWorkspaceFolder` and `findFiles` search them). */
    workspaceFolders: [] as Array<{ uri: FakeUri; name: string; index: number }>,
    getWorkspaceFolder: (uri: FakeUri) => this.workspace.workspaceFolders.find((folder) => uri.scheme === folder.uri.scheme && uri.path.startsWith(`${folder.uri.path}/`)),
    /** Every file of the memory file system inside a workspace folder (the fake ignores the globs). */
    findFiles: async (_include: string, _exclude?: string, maxResults?: number) => {
      const found = [...this.fs.files.keys()].map((key) => new FakeUri('file', key.slice('file://'.length)))
        .filter((uri) => this.workspace.getWorkspaceFolder(uri) !== undefined);
      return found.slice(0, maxResults ?? found.length);
    },
    createFileSystemWatcher: () => {
      const resource = this.track('file system watcher');
      const watcher = { change: this.emitter<unknown>(), create: this.emitter<unknown>(), remove: this.emitter<unknown>() };
      this.fileWatchers.push(watcher);
      return { onDidChange: watcher.change.event, onDidCreate: watcher.create.event, onDidDelete: watcher.remove.event, dispose: () => resource.dispose() };
    },
    getConfiguration: (section?: string) => ({
      get: <T>(key: string, fallback?: T): T | undefined => {
        const full = section ? `${section}.${key}` : key;
        return this.settings.has(full) ? (this.settings.get(full) as T) : fallback;
      },
      update: async (key: string, value: unknown) => {
        this.setSetting(section ? `${section}.${key}` : key, value);
      },
    }),
  };

  readonly languages = {
    registerDocumentPasteEditProvider: (): FakeDisposable => this.track('paste edit provider'),
  };

  readonly commands = {
    registerCommand: (id: string, handler: (...args: unknown[]) => unknown): FakeDisposable => {
      this.commandHandlers.set(id, handler);
      const resource = this.track(`command ${id}`);
      return { dispose: () => { this.commandHandlers.delete(id); resource.dispose(); } };
    },
    executeCommand: async (id: string, ...args: unknown[]) => this.commandHandlers.get(id)?.(...args),
    getCommands: async () => [...this.commandHandlers.keys()],
  };

  /** Changes a setting and tells the listeners, as the Settings editor does. */
  setSetting(key: string, value: unknown): void {
    if (value === undefined) {
      this.settings.delete(key);
    } else {
      this.settings.set(key, value);
    }
    this.onDidChangeConfiguration.fire({ affectsConfiguration: (section: string) => key === section || key.startsWith(`${section}.`) });
  }

  /** Listeners still subscribed to any event of the fake. */
  liveListeners(): number {
    return this.emitters.reduce((sum, emitter) => sum + emitter.listenerCount, 0);
  }

  /** Resources (status bar items, panels, commands, serializers) not disposed yet, by kind. */
  liveResources(): string[] {
    return [...this.resources].filter((resource) => !resource.disposed).map((resource) => resource.kind);
  }

  emitter<T>(): FakeEmitter<T> {
    const emitter = new FakeEmitter<T>();
    this.emitters.push(emitter as FakeEmitter<unknown>);
    return emitter;
  }

  track(kind: string): FakeDisposable & { readonly kind: string; disposed: boolean } {
    const resource = { kind, disposed: false, dispose: () => { resource.disposed = true; } };
    this.resources.add(resource);
    return resource;
  }

  /** The buttons the user will press on the next messages, in order (none: dismissed). */
  readonly answers: (string | undefined)[] = [];

  private message(message: string): Promise<string | undefined> {
    this.messages.push(message);
    return Promise.resolve(this.answers.shift());
  }

  private statusBarItem(id: string): FakeStatusBarItem {
    const resource = this.track(`status bar item ${id}`);
    const item: FakeStatusBarItem = {
      id, name: '', text: '', tooltip: undefined, command: undefined, backgroundColor: undefined, accessibilityInformation: undefined, shown: false, disposed: false,
      show: () => { item.shown = true; },
      hide: () => { item.shown = false; },
      dispose: () => { item.disposed = true; item.shown = false; resource.dispose(); },
    };
    this.statusBarItems.push(item);
    return item;
  }

  /** What the workbench does after a reload: a panel of that type restored, handed to its serializer. */
  async restorePanel(viewType: string): Promise<FakeWebviewPanel> {
    const panel = this.webviewPanel(viewType, 'restored');
    await this.serializers.get(viewType)?.deserializeWebviewPanel(panel, undefined);
    return panel;
  }

  private webviewPanel(viewType: string, title: string): FakeWebviewPanel {
    const resource = this.track(`webview panel ${viewType}`);
    const received = this.emitter<unknown>();
    const disposed = this.emitter<void>();
    const viewState = this.emitter<unknown>();
    const posted: unknown[] = [];
    const panel: FakeWebviewPanel = {
      viewType, title, visible: true, disposed: false,
      webview: {
        html: '', options: undefined, cspSource: 'https://webview.test', posted,
        postMessage: (message: unknown) => {
          if (panel.disposed) {
            return Promise.reject(new Error('Webview is disposed'));
          }
          posted.push(JSON.parse(JSON.stringify(message)));
          return Promise.resolve(true);
        },
        asWebviewUri: (uri) => new FakeUri('https', `webview.test${uri.path}`),
        onDidReceiveMessage: received.event,
      },
      receive: (message) => received.fire(message),
      setVisible: (visible) => {
        panel.visible = visible;
        viewState.fire({ webviewPanel: panel });
      },
      reveal: () => panel.setVisible(true),
      onDidDispose: disposed.event,
      onDidChangeViewState: viewState.event,
      dispose: () => {
        if (!panel.disposed) {
          panel.disposed = true;
          resource.dispose();
          disposed.fire();
        }
      },
    };
    this.panels.push(panel);
    return panel;
  }
}

/** `vscode.EventEmitter`, each one counted by the fake that made the class. */
function countedEmitterClass(onCreate: (emitter: FakeEmitter<unknown>) => void) {
  return class<T> extends FakeEmitter<T> {
    constructor() {
      super();
      onCreate(this as FakeEmitter<unknown>);
    }
  };
}

function fakeLog(): FakeLog {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
    dispose: () => undefined,
  };
}

/** What `require('vscode')` returns: one plain object, refilled from each new fake (plain property reads, as in the real host). */
let namespace: Record<string, unknown> | undefined;

/**
 * Makes `require('vscode')` return a new fake (state does not leak between tests). Host modules
 * read `vscode.*` when they run, so a module loaded once sees each new fake through the same
 * namespace object, refilled here.
 */
export function installFakeVscode(): FakeVscode {
  const created = new FakeVscode();
  if (!namespace) {
    const target: Record<string, unknown> = {};
    namespace = target;
    const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const original = loader._load;
    loader._load = function load(request: string, ...rest: unknown[]) {
      return request === 'vscode' ? target : original.call(this, request, ...rest);
    };
  }
  for (const key of Object.keys(namespace)) {
    delete namespace[key];
  }
  Object.assign(namespace, created);
  return created;
}
