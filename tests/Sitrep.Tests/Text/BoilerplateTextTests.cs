using Sitrep.Text;

namespace Sitrep.Tests.Text;

public class BoilerplateTextTests
{
    [Theory]
    [InlineData("By Jane Doe and John Roe", true)]
    [InlineData("Por Ana Ruiz | EFE", true)]
    [InlineData("by the end of the week the road had reopened", false)]
    [InlineData("By Monday, the army had withdrawn from the town. Residents returned.", false)]
    public void Bylines_are_recognized(string paragraph, bool byline) =>
        BoilerplateText.IsByline(paragraph).ShouldBe(byline);

    [Theory]
    [InlineData("Advertisement", true)]
    [InlineData("12 comments", true)]
    [InlineData("Updated at 1:23 p.m.", true)]
    [InlineData("Read more: Ceasefire collapses in the north", true)]
    [InlineData("Tags: ceasefire, Sudan, Rapid Support Forces, El Fasher, humanitarian aid, famine, Darfur, Kordofan, drones, Port Sudan, Jeddah talks, African Union, IGAD, refugees, Chad, cholera, displacement", true)]
    [InlineData("Officials said the updated figures would be published on Monday.", false)]
    [InlineData("Comments from residents suggested the shelling had moved east.", false)]
    public void Boilerplate_lines_are_recognized(string paragraph, bool boilerplate) =>
        BoilerplateText.IsBoilerplate(paragraph).ShouldBe(boilerplate);

    [Theory]
    [InlineData("Email the reporter at m.haddad@example.org or follow her on Twitter.", true)]
    [InlineData("Sign up for our morning briefing.", true)]
    [InlineData("Credit: Harbour Authority handout", true)]
    [InlineData("Additional reporting by Lena Fischer in Berlin; editing by Tom Hale", true)]
    [InlineData("Get the Valley Post app on iPhone and Android for breaking news alerts.", true)]
    [InlineData("Omar Haddad is the Valley Post's courts reporter and has covered the county since 2019.", true)]
    [InlineData("The council will meet again on Thursday to vote on the plan.", false)]
    [InlineData("The streaming service added two million subscribers in the quarter, the company said.", false)]
    [InlineData("Omar Haddad is expected to appear in court again next month.", false)]
    public void Closing_notes_are_recognized(string paragraph, bool note) =>
        BoilerplateText.IsClosingNote(paragraph).ShouldBe(note);

    [Theory]
    [InlineData("LEARN MORE", true)]
    [InlineData("Something to Consider", true)]
    [InlineData("He left.", false)]
    [InlineData("The vote is expected on Thursday after a second reading in committee", false)]
    public void Closing_fragments_are_recognized(string paragraph, bool fragment) =>
        BoilerplateText.IsClosingFragment(paragraph).ShouldBe(fragment);

    [Theory]
    [InlineData("sexta-feira, 22 de outubro de 2010 às 20:13", true)]
    [InlineData("Posted 2016.12.01 by the editors", true)]
    [InlineData("Nov. 19, 2019 10:35 AM ET", true)]
    [InlineData("The 2020 Sentra goes on sale in January", false)]
    [InlineData("At 10:30 on 3 May 2025 the first shells landed near the market.", false)]
    public void Datelines_are_recognized(string paragraph, bool dateline) =>
        BoilerplateText.IsDateline(paragraph).ShouldBe(dateline);
}
