using Sitrep.Composition;
using System.CommandLine;
using System.Diagnostics;
using Sitrep.Entities;
using Sitrep.Stories;

namespace Sitrep.Cli;

/// <summary><c>sitrep train ner</c>: trains the entity tagger from CoNLL-2003 column files, reproducibly (seeded).</summary>
public static class TrainCommand
{
    public static Command Build()
    {
        var train = new Command("train", "Trains the engine's statistical models.");
        var data = new Option<string>("--data") { Description = "CoNLL-2003 training file (token POS chunk NER).", DefaultValueFactory = _ => "../shared/data/ner-conll/eng.train" };
        var dev = new Option<string?>("--dev") { Description = "A labelled file to score after each epoch (progress only; not used for training)." };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the model.", DefaultValueFactory = _ => UserData("ner-model.bin.gz") };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 12 };
        var bits = new Option<int>("--bits") { Description = "log2 of the number of hashed feature rows.", DefaultValueFactory = _ => 17 };
        var seed = new Option<int>("--seed") { Description = "Seed of the document shuffling.", DefaultValueFactory = _ => 2003 };
        var ner = new Command("ner", "Trains the named-entity tagger (averaged structured perceptron) and writes its model.") { data, dev, output, epochs, bits, seed };
        ner.SetAction(parsed =>
        {
            var path = parsed.GetValue(data)!;
            if (Missing(path)) return SitrepCommandLine.BadUsage;
            var clock = Stopwatch.StartNew();
            EntityModel model;
            try
            {
                model = new EntityTrainer(parsed.GetValue(bits), parsed.GetValue(epochs), parsed.GetValue(seed))
                    .Train(path, parsed.GetValue(dev), Console.Error);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return SitrepCommandLine.InputProblems;
            }
            var target = parsed.GetValue(output)!;
            WriteFile(target, model.Write);
            Console.Error.WriteLine($"wrote {target} ({new FileInfo(target).Length / 1e6:F1} MB) in {clock.Elapsed.TotalSeconds:F0} s");
            return SitrepCommandLine.Success;
        });
        train.Subcommands.Add(ner);
        train.Subcommands.Add(DocumentFrequencies());
        train.Subcommands.Add(Syntax());
        return train;
    }

    /// <summary>
    /// <c>sitrep train idf</c>: the document frequencies a story stream starts from, counted over the
    /// CoNLL-2003 training articles as the stories stage reads them (words, names, dates, numbers).
    /// </summary>
    private static Command DocumentFrequencies()
    {
        var data = new Option<string>("--data") { Description = "CoNLL-2003 file whose documents to count.", DefaultValueFactory = _ => "../shared/data/ner-conll/eng.train" };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the counts.", DefaultValueFactory = _ => UserData("document-frequencies.bin.gz") };
        var idf = new Command("idf", "Counts the document frequencies of a news corpus, the prior of story streams.") { data, output };
        idf.SetAction(parsed =>
        {
            var path = parsed.GetValue(data)!;
            if (Missing(path)) return SitrepCommandLine.BadUsage;
            var pipeline = Pipeline.StoryReading();
            var frequencies = new Stories.DocumentFrequencies();
            int n = 0;
            foreach (var text in ConllCorpus.Texts(path))
            {
                var document = new Document($"conll{++n}", new SourceLocation(path, n)) { Text = text, TextIsInput = true };
                pipeline.Process(document);
                frequencies.Observe(document.Get<StoryFeatures>()!.Terms);
            }
            var target = parsed.GetValue(output)!;
            WriteFile(target, frequencies.Write);
            Console.Error.WriteLine($"wrote {target}: {frequencies.Documents} documents ({new FileInfo(target).Length / 1e3:F0} KB)");
            return SitrepCommandLine.Success;
        });
        return idf;
    }

    /// <summary><c>sitrep train parse</c>: tagger, lexicon and parser from Universal Dependencies English, seeded.</summary>
    private static Command Syntax()
    {
        var data = new Option<string>("--data") { Description = "CoNLL-U training treebank (plain or gzip).", DefaultValueFactory = _ => "../shared/data/ud-english/train.conllu.gz" };
        var dev = new Option<string?>("--dev") { Description = "A CoNLL-U file to score at the end (progress only; not used for training)." };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write the three model files into.", DefaultValueFactory = _ => UserData("syntax") };
        var taggerEpochs = new Option<int>("--tagger-epochs") { Description = "Passes of the tagger over the training data.", DefaultValueFactory = _ => 8 };
        var parserEpochs = new Option<int>("--parser-epochs") { Description = "Passes of the parser over the training data.", DefaultValueFactory = _ => 15 };
        var parserBits = new Option<int>("--parser-bits") { Description = "log2 of the number of hashed transition feature rows.", DefaultValueFactory = _ => 22 };
        var explore = new Option<double>("--explore") { Description = "How often the parser follows its own wrong choice in training (from the second epoch).", DefaultValueFactory = _ => 0.9 };
        var beam = new Option<int>("--beam") { Description = "Beam width of the parser (1: greedy, trained with a dynamic oracle; more: beam search, trained globally).", DefaultValueFactory = _ => 1 };
        var limit = new Option<int>("--limit") { Description = "Train on the first N sentences only (0: all), for quick experiments." };
        var seed = new Option<int>("--seed") { Description = "Seed of the sentence shuffling and the parser's exploration.", DefaultValueFactory = _ => 2016 };
        var command = new Command("parse", "Trains the part-of-speech tagger, lemmatizer and dependency parser and writes their models.")
            { data, dev, output, taggerEpochs, parserEpochs, parserBits, explore, beam, limit, seed };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(data)!;
            if (Missing(path)) return SitrepCommandLine.BadUsage;
            if (parsed.GetValue(beam) is < 1 or > Sitrep.Syntax.SyntaxTrainer.MaxBeamWidth)
            {
                Console.Error.WriteLine($"--beam: a width from 1 to {Sitrep.Syntax.SyntaxTrainer.MaxBeamWidth}");
                return SitrepCommandLine.BadUsage;
            }
            var clock = Stopwatch.StartNew();
            Sitrep.Syntax.SyntaxModel model;
            try
            {
                model = new Sitrep.Syntax.SyntaxTrainer(parsed.GetValue(taggerEpochs), parsed.GetValue(parserEpochs), seed: parsed.GetValue(seed),
                        transitionBits: parsed.GetValue(parserBits), explore: parsed.GetValue(explore), beamWidth: parsed.GetValue(beam))
                    .Train(path, parsed.GetValue(dev), Console.Error, parsed.GetValue(limit));
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine(e.Message);
                return SitrepCommandLine.InputProblems;
            }
            var folder = parsed.GetValue(output)!;
            model.Write(folder);
            long bytes = new[] { Sitrep.Syntax.SyntaxModel.TaggerFile, Sitrep.Syntax.SyntaxModel.LexiconFile, Sitrep.Syntax.SyntaxModel.ParserFile }
                .Sum(f => new FileInfo(Path.Combine(folder, f)).Length);
            Console.Error.WriteLine($"wrote {folder} ({bytes / 1e6:F1} MB) in {clock.Elapsed.TotalSeconds:F0} s");
            return SitrepCommandLine.Success;
        });
        return command;
    }

    /// <summary>
    /// Where a model goes unless --out says otherwise: the user's data folder (XDG_DATA_HOME or
    /// ~/.local/share, then sitrep/), never the source tree; the shipped models are rebuilt by
    /// naming their Data/ file with --out (each Data/README.md says how).
    /// </summary>
    public static string UserData(string name)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(home.Length > 0 ? home : Path.GetTempPath(), "sitrep", name);
    }

    private static bool Missing(string path)
    {
        if (File.Exists(path)) return false;
        Console.Error.WriteLine($"{path}: no such file");
        return true;
    }

    private static void WriteFile(string path, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        write(file);
    }
}
