namespace SelfTraining.Vision;

/// <summary>A run on generated MNIST scenes (<c>segment</c>, <c>detect</c>), whose scenes <c>scenes-export</c> writes for the Python replica.</summary>
internal interface ISceneRun
{
    /// <summary>The run's scenes.</summary>
    SceneGeneration Scenes();
}
