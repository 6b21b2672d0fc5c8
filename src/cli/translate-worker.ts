// A worker thread of convert's pools: one pool translates files, the other formats their translations (see
// translator() in project.ts). Each worker loads the translator once.
import { finishFileTranslation, translateFile, type FileOptions, type FileTranslation } from './translate.js';

export default function translateInWorker(task: { path: string; options: FileOptions }): Promise<FileTranslation> {
  return translateFile(task.path, task.options);
}

export function formatInWorker(task: { translation: FileTranslation; debug: boolean }): Promise<FileTranslation> {
  return finishFileTranslation(task.translation, task.debug);
}
