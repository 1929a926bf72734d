using Sitrep.Composition;
using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

/// <summary>The relations the situation layer relies on, on sentences written for these tests.</summary>
public class SyntaxParserTests
{
    private sealed record Parsed(Document Document, SyntaxAnalysis Syntax)
    {
        /// <summary>The index of the first token with this text (the n-th with <paramref name="nth"/>).</summary>
        public int Word(string text, int nth = 1)
        {
            for (int i = 0; i < Document.Tokens.Count; i++)
                if (Document.Tokens[i].In(Document.Text).SequenceEqual(text) && --nth == 0) return i;
            throw new ArgumentException($"no token '{text}'");
        }

        public string Text(int token) => token < 0 ? "(none)" : Document.Tokens[token].In(Document.Text).ToString();
    }

    private static Parsed Parse(string text)
    {
        var document = new Document("t", new SourceLocation("test")) { Text = text, TextIsInput = true };
        Pipeline.Parsing().Process(document);
        return new Parsed(document, document.Syntax()!);
    }

    [Fact]
    public void A_passive_has_its_patient_as_subject_and_its_by_phrase_as_agent_and_keeps_its_place()
    {
        var p = Parse("The convoy was attacked by militants near Kabul.");
        int attacked = p.Word("attacked");
        p.Syntax.Heads[attacked].ShouldBe(-1);
        p.Syntax.IsPassive(attacked).ShouldBeTrue();
        p.Text(p.Syntax.SubjectOf(attacked)).ShouldBe("convoy");
        p.Text(p.Syntax.PassiveAgentOf(attacked)).ShouldBe("militants");
        // "near Kabul" may hang on the verb or on its agent; either way it is reached from the verb.
        int agent = p.Syntax.PassiveAgentOf(attacked);
        p.Syntax.Attachments(attacked).Concat(p.Syntax.Attachments(agent)).Select(a => (p.Text(a.Word), a.Preposition)).ShouldContain(("Kabul", "near"));
        p.Syntax.Lemmas[attacked].ShouldBe("attack");
    }

    [Fact]
    public void An_active_clause_has_subject_and_object_and_no_agent()
    {
        var p = Parse("Government troops shelled the village on Tuesday.");
        int shelled = p.Word("shelled");
        p.Syntax.IsPassive(shelled).ShouldBeFalse();
        p.Text(p.Syntax.SubjectOf(shelled)).ShouldBe("troops");
        p.Text(p.Syntax.ObjectOf(shelled)).ShouldBe("village");
        p.Syntax.PassiveAgentOf(shelled).ShouldBe(-1);
    }

    [Fact]
    public void A_relative_clause_hangs_on_its_noun_and_the_main_verb_keeps_the_noun_as_subject()
    {
        var p = Parse("The soldiers who fired on the crowd were arrested on Monday.");
        int fired = p.Word("fired"), arrested = p.Word("arrested"), soldiers = p.Word("soldiers");
        p.Syntax.Heads[fired].ShouldBe(soldiers);
        p.Syntax.Labels[fired].ShouldBe("acl:relcl");
        p.Syntax.SubjectOf(arrested).ShouldBe(soldiers);
        p.Syntax.IsPassive(arrested).ShouldBeTrue();
        p.Syntax.ClauseOf(p.Word("crowd")).ShouldBe(fired);
        p.Syntax.ClauseOf(soldiers).ShouldBe(arrested);
    }

    [Fact]
    public void Coordinated_verbs_share_their_subject_and_keep_their_own_objects()
    {
        var p = Parse("Rebels seized the town and burned the market.");
        int seized = p.Word("seized"), burned = p.Word("burned");
        p.Syntax.Conjuncts(burned).ShouldBe([seized]);
        p.Text(p.Syntax.SubjectOf(burned)).ShouldBe("Rebels");
        p.Text(p.Syntax.ObjectOf(burned)).ShouldBe("market");
        p.Text(p.Syntax.ObjectOf(seized)).ShouldBe("town");
    }

    [Fact]
    public void Coordinated_nouns_are_conjuncts_of_the_first_object()
    {
        var p = Parse("Police arrested a man and his son.");
        int arrested = p.Word("arrested"), man = p.Word("man"), son = p.Word("son");
        p.Syntax.ObjectOf(arrested).ShouldBe(man);
        p.Syntax.Conjuncts(man).ShouldBe([son]);
        p.Syntax.Conjuncts(son).ShouldBe([man]);
    }

    [Fact]
    public void A_reporting_verb_heads_the_report_as_its_complement_before_or_after_it()
    {
        var before = Parse("A police spokesman said the attack killed five people.");
        int said = before.Word("said"), killed = before.Word("killed");
        before.Text(before.Syntax.SubjectOf(said)).ShouldBe("spokesman");
        before.Syntax.Heads[killed].ShouldBe(said);
        before.Syntax.Relations[killed].ShouldBe(Relation.Ccomp);
        before.Text(before.Syntax.SubjectOf(killed)).ShouldBe("attack");

        // EWT and GUM make a reporting verb after its report the root too, the report its ccomp.
        var after = Parse("Five people were killed in the attack, the governor said.");
        said = after.Word("said");
        killed = after.Word("killed");
        after.Text(after.Syntax.SubjectOf(said)).ShouldBe("governor");
        after.Syntax.Heads[said].ShouldBe(-1);
        after.Syntax.Heads[killed].ShouldBe(said);
        after.Text(after.Syntax.SubjectOf(killed)).ShouldBe("people");
    }

    [Fact]
    public void An_apposition_describes_the_name_and_the_name_stays_the_subject()
    {
        var p = Parse("Ali Hassan, a local official, said the bridge was destroyed.");
        int ali = p.Word("Ali"), official = p.Word("official"), said = p.Word("said");
        p.Syntax.SubjectOf(said).ShouldBe(ali);
        p.Syntax.Heads[p.Word("Hassan")].ShouldBe(ali);
        p.Syntax.Heads[official].ShouldBe(ali);
        p.Syntax.Relations[official].ShouldBe(Relation.Appos);
        p.Syntax.IsPassive(p.Word("destroyed")).ShouldBeTrue();
    }

    [Fact]
    public void A_title_case_headline_still_has_a_verb_with_subject_and_object()
    {
        var p = Parse("Militants Attack Army Base In Northern Mali");
        int attack = p.Word("Attack");
        p.Syntax.Upos[attack].ShouldBe(Upos.VERB);
        p.Text(p.Syntax.SubjectOf(attack)).ShouldBe("Militants");
        p.Text(p.Syntax.ObjectOf(attack)).ShouldBe("Base");
    }

    [Fact]
    public void Negation_attaches_to_the_verb_it_denies()
    {
        var p = Parse("The army didn't confirm the report and officials would not comment.");
        int confirm = p.Word("confirm"), comment = p.Word("comment");
        p.Syntax.IsNegated(confirm).ShouldBeTrue();
        p.Syntax.IsNegated(comment).ShouldBeTrue();
        p.Syntax.Lemmas[p.Word("n't")].ShouldBe("not");
        p.Syntax.IsNegated(p.Word("report")).ShouldBeFalse();
    }
}
