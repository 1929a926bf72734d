using Sitrep.Entities;

namespace Sitrep.Tests.Entities;

public class EntityResolverTests
{
    /// <summary>Resolves (text, type) mentions in order and returns each one's canonical name.</summary>
    private static string[] Canonical(params (string Text, string Type)[] mentions)
    {
        var resolver = new EntityResolver();
        var handles = mentions.Select(m => resolver.Add(m.Text, EntityTypes.Parse(m.Type))).ToArray();
        return handles.Select(resolver.CanonicalOf).ToArray();
    }

    [Fact]
    public void An_acronym_matching_the_initials_joins_the_full_name_whichever_comes_first()
    {
        Canonical(("Rapid Support Forces", "ORG"), ("RSF", "ORG"), ("NRC", "ORG"), ("Norwegian Refugee Council", "ORG"))
            .ShouldBe(["Rapid Support Forces", "Rapid Support Forces", "Norwegian Refugee Council", "Norwegian Refugee Council"]);
    }

    [Fact]
    public void Transliteration_variants_share_one_entity()
    {
        Canonical(("Muammar Gaddafi", "PER"), ("Qaddafi", "PER"), ("Kadhafi", "PER"), ("Gadhafi", "PER"))
            .Distinct().ShouldBe(["Muammar Gaddafi"]);
        Canonical(("Mohammed Ahmed", "PER"), ("Muhammad Ahmed", "PER")).Distinct().Count().ShouldBe(1);
        Canonical(("Hizbullah", "ORG"), ("Hezbollah", "ORG"), ("Hizballah", "ORG")).Distinct().ShouldBe(["Hezbollah"]);
        EntityResolver.Skeleton("Qaddafi").ShouldBe(EntityResolver.Skeleton("Kadhafi"));
    }

    [Fact]
    public void Titles_articles_and_possessives_are_stripped_and_a_surname_alone_joins_the_full_name()
    {
        Canonical(("President Omar Bashir", "PER"), ("Omar al-Bashir", "PER"), ("Bashir's", "PER"), ("Bashir", "PER"))
            .ShouldBe(["Omar al-Bashir", "Omar al-Bashir", "Omar al-Bashir", "Omar al-Bashir"]);
        Canonical(("the Sudan Tribune", "ORG"), ("Sudan Tribune", "ORG")).ShouldBe(["Sudan Tribune", "Sudan Tribune"]);
        Canonical(("KHARTOUM", "LOC"), ("Khartoum", "LOC")).ShouldBe(["Khartoum", "Khartoum"]);
    }

    [Fact]
    public void A_surname_seen_before_the_full_name_joins_it_later()
    {
        Canonical(("Burhan", "PER"), ("Gen. Abdel Fattah al-Burhan", "PER"), ("Hemedti", "PER"))
            .ShouldBe(["Abdel Fattah al-Burhan", "Abdel Fattah al-Burhan", "Mohamed Hamdan Dagalo"]);
    }

    [Fact]
    public void The_curated_alias_table_relates_names_no_spelling_rule_can()
    {
        Canonical(("Kiev", "LOC"), ("Kyiv", "LOC"), ("ISIS", "ORG"), ("ISIL", "ORG"), ("Islamic State", "ORG"))
            .ShouldBe(["Kyiv", "Kyiv", "Islamic State", "Islamic State", "Islamic State"]);
        var custom = new EntityResolver(new EntityAliases(["# comment", "El Fasher\tAl-Fashir\tEl Fasher town"]));
        int a = custom.Add("Al-Fashir", EntityTypes.Parse("LOC")), b = custom.Add("El Fasher town", EntityTypes.Parse("LOC"));
        custom.Same(a, b).ShouldBeTrue();
        custom.CanonicalOf(a).ShouldBe("El Fasher");
    }

    [Fact]
    public void Different_entities_that_share_words_stay_apart()
    {
        Canonical(("Sudanese Armed Forces", "ORG"), ("Sudan People's Liberation Army", "ORG"), ("Sudanese army", "ORG"),
                ("SAF", "ORG"), ("SPLA", "ORG"), ("Sudan", "LOC"), ("Sudanese", "MISC"))
            .ShouldBe(["Sudanese Armed Forces", "Sudan People's Liberation Army", "Sudanese army", "Sudanese Armed Forces",
                       "Sudan People's Liberation Army", "Sudan", "Sudanese"]);
        Canonical(("Ali", "PER"), ("Eli", "PER")).Distinct().Count().ShouldBe(2);
        Canonical(("Chris Weitz", "PER"), ("Weitz", "PER"), ("Paul Weitz", "PER"), ("Weitz", "PER"))
            .ShouldBe(["Chris Weitz", "Chris Weitz", "Paul Weitz", "Paul Weitz"]);
        Canonical(("Memphis Street", "LOC"), ("Main Square", "LOC")).Distinct().Count().ShouldBe(2);
        Canonical(("Sudan", "LOC"), ("Sweden", "LOC")).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void One_resolver_fed_a_storys_documents_in_order_merges_entities_across_them()
    {
        var resolver = new EntityResolver();
        int[] first = [resolver.Add("Mohamed Hamdan Daglo", EntityTypes.Parse("PER")), resolver.Add("Rapid Support Forces", EntityTypes.Parse("ORG"))];
        int[] second = [resolver.Add("Daglo", EntityTypes.Parse("PER")), resolver.Add("RSF", EntityTypes.Parse("ORG")), resolver.Add("El Fasher", EntityTypes.Parse("LOC"))];
        resolver.Same(first[0], second[0]).ShouldBeTrue();
        resolver.Same(first[1], second[1]).ShouldBeTrue();
        resolver.CanonicalOf(second[0]).ShouldBe("Mohamed Hamdan Dagalo");
        resolver.CanonicalOf(second[2]).ShouldBe("El Fasher");
        resolver.Same(second[1], second[2]).ShouldBeFalse();
    }

    [Fact]
    public void The_document_step_links_an_acronym_defined_in_parentheses()
    {
        const string text = "The Islamic Resistance Front (IRF) and the Jaish al-Adl (JAA) group clashed; IRF fighters withdrew.";
        var document = new Document("d1", new SourceLocation("d1.txt")) { Text = text };
        foreach (var (name, type) in new[] { ("Islamic Resistance Front", "ORG"), ("(IRF", ""), ("Jaish al-Adl", "ORG"), ("(JAA", ""), ("IRF fighters", "") })
        {
            var found = name.TrimStart('(');
            int start = text.IndexOf(found, StringComparison.Ordinal);
            if (name.StartsWith('(') || type.Length > 0)
                document.Entities.Add(new EntityMention(start, start + found.Length, found, EntityType.Organization));
        }
        var irfLater = text.LastIndexOf("IRF", StringComparison.Ordinal);
        document.Entities.Add(new EntityMention(irfLater, irfLater + 3, "IRF", EntityType.Organization));
        new EntityCanonicalizer().Process(document);
        document.Entities.Select(e => e.Canonical).ShouldBe(
            ["Islamic Resistance Front", "Islamic Resistance Front", "Jaish al-Adl", "Jaish al-Adl", "Islamic Resistance Front"]);
    }

    [Fact]
    public void An_acronym_the_text_defines_means_that_here_not_what_the_alias_table_says()
    {
        const string text = "The Danish Refugee Council (DRC) registered 4,000 arrivals. DRC teams handed out tents. " +
                            "Fighting in the Democratic Republic of the Congo continued.";
        var document = new Document("d1", new SourceLocation("d1.txt")) { Text = text };
        foreach (var name in new[] { "Danish Refugee Council", "DRC", "DRC teams", "Democratic Republic of the Congo" })
        {
            var found = name.Split(' ')[0] == "DRC" && name != "DRC" ? "DRC" : name;
            int start = name == "DRC teams" ? text.IndexOf("DRC teams", StringComparison.Ordinal) : text.IndexOf(found, StringComparison.Ordinal);
            document.Entities.Add(new EntityMention(start, start + found.Length, found, name.StartsWith("Democratic") ? EntityType.Location : EntityType.Organization));
        }
        new EntityCanonicalizer().Process(document);
        document.Entities.Select(e => e.Canonical).ShouldBe(
            ["Danish Refugee Council", "Danish Refugee Council", "Danish Refugee Council", "Democratic Republic of the Congo"]);
        Canonical(("DRC", "LOC"), ("Kinshasa", "LOC")).ShouldBe(["Democratic Republic of the Congo", "Kinshasa"]);
    }

    [Fact]
    public void A_name_introduced_as_another_names_the_same_person()
    {
        const string text = "Militia commander Ibrahim Musa Abakar, widely known as Tigani, denied the accusation. Tigani later left the city.";
        var document = new Document("d1", new SourceLocation("d1.txt")) { Text = text };
        foreach (var (name, from) in new[] { ("Ibrahim Musa Abakar", 0), ("Tigani", 0), ("Tigani", 60) })
        {
            int start = text.IndexOf(name, from, StringComparison.Ordinal);
            document.Entities.Add(new EntityMention(start, start + name.Length, name, EntityType.Person));
        }
        new EntityCanonicalizer().Process(document);
        document.Entities.Select(e => e.Canonical).ShouldAllBe(c => c == "Ibrahim Musa Abakar");
    }
}
