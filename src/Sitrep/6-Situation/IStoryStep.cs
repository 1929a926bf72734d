namespace Sitrep.Situation;

/// <summary>
/// One step of the situation stage: reads a story's documents (and what earlier story steps found)
/// and adds its own part to the picture.
/// </summary>
public interface IStoryStep
{
    void Process(StoryPicture story);
}
