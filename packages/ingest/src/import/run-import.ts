// One back-fill run over several sources (files, folders, mbox, stdin, imap:// URLs): each
// source is imported on its own, so one bad file is reported in the summary and the rest go on.
import type { DbClient } from "@safetynet/db";
import type { Ingestor } from "../create-ingestor.js";
import { importFileSource } from "./import-files.js";
import { type DateRange, importImapFolder } from "./import-imap-folder.js";
import { emptySummary, type ImportSummary } from "./import-summary.js";
import type { ProgressReporter } from "./progress-reporter.js";

export interface RunImportOptions {
  db: DbClient;
  ingestor: Ingestor;
  progress: ProgressReporter;
  sources: readonly string[];
  range?: DateRange;
  batchSize?: number;
  accessToken?: string;
}

function safeName(source: string): string {
  return /^imaps?:\/\//.test(source) ? source.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1@") : source;
}

export async function runImport(options: RunImportOptions): Promise<ImportSummary> {
  const summary = emptySummary();
  const startedAt = Date.now();
  const batchSize = options.batchSize ?? 200;
  for (const source of options.sources) {
    try {
      if (/^imaps?:\/\//.test(source)) {
        await importImapFolder(
          source,
          options.range ?? {},
          { ...options, batchSize, ...(options.accessToken ? { accessToken: options.accessToken } : {}) },
          summary,
        );
      } else {
        await importFileSource(source, { ...options, batchSize }, summary);
      }
    } catch (error) {
      summary.failedSources.push({
        source: safeName(source),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  options.progress.finish();
  summary.seconds = (Date.now() - startedAt) / 1000;
  return summary;
}
