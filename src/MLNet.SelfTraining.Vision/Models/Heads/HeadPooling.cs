namespace MLNet.SelfTraining.Vision.Models.Heads;

/// <summary>How a <see cref="ClassificationHead"/> turns the feature map into one vector per image.</summary>
internal enum HeadPooling
{
    /// <summary>Flattens the whole map (C·h·w values): fixed image size, keeps where features are.</summary>
    Flatten,

    /// <summary>Averages each channel over the map (C values): any image size.</summary>
    GlobalAverage,
}
