using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

public class BeamSearchTests : TestFolder
{
    // A small treebank written for the test: (form, Penn tag, UPOS, head, relation) per word.
    private static readonly (string Form, string Xpos, string Upos, int Head, string Relation)[][] Treebank =
    [
        [("Rebels", "NNS", "NOUN", 2, "nsubj"), ("attacked", "VBD", "VERB", 0, "root"), ("the", "DT", "DET", 4, "det"), ("town", "NN", "NOUN", 2, "obj"), (".", ".", "PUNCT", 2, "punct")],
        [("Police", "NNS", "NOUN", 2, "nsubj"), ("arrested", "VBD", "VERB", 0, "root"), ("two", "CD", "NUM", 4, "nummod"), ("men", "NNS", "NOUN", 2, "obj"), (".", ".", "PUNCT", 2, "punct")],
        [("Troops", "NNS", "NOUN", 2, "nsubj"), ("fired", "VBD", "VERB", 0, "root"), ("on", "IN", "ADP", 4, "case"), ("protesters", "NNS", "NOUN", 2, "obl"),
         ("in", "IN", "ADP", 7, "case"), ("the", "DT", "DET", 7, "det"), ("capital", "NN", "NOUN", 2, "obl"), (".", ".", "PUNCT", 2, "punct")],
        [("The", "DT", "DET", 2, "det"), ("army", "NN", "NOUN", 3, "nsubj"), ("shelled", "VBD", "VERB", 0, "root"), ("the", "DT", "DET", 5, "det"), ("village", "NN", "NOUN", 3, "obj"),
         ("and", "CC", "CCONJ", 7, "cc"), ("withdrew", "VBD", "VERB", 3, "conj"), (".", ".", "PUNCT", 3, "punct")],
        [("Protesters", "NNS", "NOUN", 2, "nsubj"), ("blocked", "VBD", "VERB", 0, "root"), ("the", "DT", "DET", 5, "det"), ("main", "JJ", "ADJ", 5, "amod"),
         ("road", "NN", "NOUN", 2, "obj"), (".", ".", "PUNCT", 2, "punct")],
        [("Gunmen", "NNS", "NOUN", 2, "nsubj"), ("killed", "VBD", "VERB", 0, "root"), ("three", "CD", "NUM", 4, "nummod"), ("villagers", "NNS", "NOUN", 2, "obj"),
         ("near", "IN", "ADP", 6, "case"), ("Kabul", "NNP", "PROPN", 2, "obl"), (".", ".", "PUNCT", 2, "punct")],
    ];

    // Five copies, so that every fold's tagger of the jackknife has seen every sentence.
    private static string Conllu() => string.Join("\n", Enumerable.Repeat(Treebank, 5).SelectMany(t => t).Select((sentence, s) =>
        $"# sent_id = s{s + 1}\n" + string.Concat(sentence.Select((w, i) =>
            $"{i + 1}\t{w.Form}\t{w.Form.ToLowerInvariant()}\t{w.Upos}\t{w.Xpos}\t_\t{w.Head}\t{w.Relation}\t_\t_\n"))));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_parser_of_any_beam_width_learns_the_trees_it_is_trained_on_and_keeps_its_width_on_disk(int width)
    {
        var treebank = Path.Combine(Folder, "train.conllu");
        File.WriteAllText(treebank, Conllu());
        var model = new SyntaxTrainer(taggerEpochs: 5, parserEpochs: 10, folds: 5, taggerBits: 12, transitionBits: 14, labelBits: 12, beamWidth: width)
            .Train(treebank, null, TextWriter.Null);
        model.Write(Folder);
        var read = SyntaxModel.Read(Folder);
        read.Parser.BeamWidth.ShouldBe(width);
        foreach (var sentence in Treebank)
        {
            var parse = read.Parse(sentence.Select(w => w.Form).ToArray());
            parse.Heads.ShouldBe(sentence.Select(w => w.Head - 1).ToArray(), string.Join(' ', sentence.Select(w => w.Form)));
            parse.Relations[0].ShouldBe(sentence[0].Relation == "det" ? Relation.Det : Relation.Nsubj);
        }
    }
}
