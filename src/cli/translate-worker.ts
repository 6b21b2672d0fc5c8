// A worker thread of convert's pool: translates one file per task. Each worker loads the translator once.
import { translateFile, type FileOptions, type FileTranslation } from './translate.js';

export default function translateInWorker(task: { path: string; options: FileOptions }): Promise<FileTranslation> {
  return translateFile(task.path, task.options);
}
