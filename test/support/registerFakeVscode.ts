// Loaded by mocha before the unit tests: host modules `import 'vscode'`, which this answers.
import { installFakeVscode } from './fakeVscode';

installFakeVscode();
