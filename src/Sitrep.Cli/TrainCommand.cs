using System.CommandLine;
using System.Diagnostics;
using Sitrep.Entities;

namespace Sitrep.Cli;

/// <summary><c>sitrep train ner</c>: trains the entity tagger from CoNLL-2003 column files, reproducibly (seeded).</summary>
public static class TrainCommand
{
    public static Command Build()
    {
        var train = new Command("train", "Trains the engine's statistical models.");
        var data = new Option<string>("--data") { Description = "CoNLL-2003 training file (token POS chunk NER).", DefaultValueFactory = _ => "../shared/data/ner-conll/eng.train" };
        var dev = new Option<string?>("--dev") { Description = "A labelled file to score after each epoch (progress only; not used for training)." };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the model.", DefaultValueFactory = _ => "src/Sitrep/3-Entities/Data/ner-model.bin.gz" };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => 12 };
        var bits = new Option<int>("--bits") { Description = "log2 of the number of hashed feature rows.", DefaultValueFactory = _ => 17 };
        var seed = new Option<int>("--seed") { Description = "Seed of the document shuffling.", DefaultValueFactory = _ => 2003 };
        var ner = new Command("ner", "Trains the named-entity tagger (averaged structured perceptron) and writes its model.") { data, dev, output, epochs, bits, seed };
        ner.SetAction(parsed =>
        {
            var path = parsed.GetValue(data)!;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"{path}: no such training file");
                return SitrepCommandLine.BadUsage;
            }
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
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
            using (var file = File.Create(target)) model.Write(file);
            Console.Error.WriteLine($"wrote {target} ({new FileInfo(target).Length / 1e6:F1} MB) in {clock.Elapsed.TotalSeconds:F0} s");
            return SitrepCommandLine.Success;
        });
        train.Subcommands.Add(ner);
        return train;
    }
}
