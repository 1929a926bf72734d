using Sitrep.Composition;
using System.Text.Json;
using Sitrep.Ingest;

namespace Sitrep.Cli;

/// <summary>
/// Runs a per-document command: ingest, the pipeline on all cores, and one JSON Lines record per
/// document in input order. Problems go to standard error as FILE:LINE: reason.
/// </summary>
public sealed class DocumentRun(Pipeline pipeline, Action<Utf8JsonWriter, Document> writeRecord, string verb)
{
    public int Run(IReadOnlyList<string> inputs, string? outPath)
    {
        var problems = new ConsoleProblemSink();
        using var progress = Progress.Start(verb, outputOnTerminal: outPath is null or "-" && !Console.IsOutputRedirected);
        using (var output = JsonLinesOutput.Open(outPath))
        {
            foreach (var document in Process(new ArticleSource(problems).Read(inputs), problems))
            {
                output.Write(document, writeRecord);
                progress.Advance(document);
            }
        }
        return problems.Count > 0 ? SitrepCommandLine.InputProblems : SitrepCommandLine.Success;
    }

    /// <summary>Runs the pipeline in parallel while keeping input order; a document whose processing fails is reported, not lost silently.</summary>
    public IEnumerable<Document> Process(IEnumerable<Document> documents, IProblemSink problems) =>
        documents
            .AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Environment.ProcessorCount)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(document =>
            {
                try
                {
                    pipeline.Process(document);
                    return document;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    problems.Report(new Problem(document.Source, $"document {document.Id} could not be processed: {e.GetType().Name}: {e.Message}"));
                    return null;
                }
            })
            .Where(document => document != null)!;
}
