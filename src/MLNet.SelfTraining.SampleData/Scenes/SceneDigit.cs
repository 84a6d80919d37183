namespace MLNet.SelfTraining.SampleData.Scenes;

/// <summary>
/// One digit of a scene: its class, the MNIST image it was drawn from and its tight box, the smallest box holding every
/// pixel of its resized image with ink ≥ <see cref="DigitScenes.BoxInkThreshold"/>. Corners are in pixels with x to the
/// right and y down and the canvas edges at 0 and S, so pixel column c spans [c, c + 1): <c>X1 − X0</c> is the box's
/// width in pixels.
/// </summary>
/// <param name="Digit">The digit, 0 to 9 (detection class <c>Digit</c>, segmentation class <c>Digit + 1</c>).</param>
/// <param name="SourceIndex">The index of the digit's image in the <see cref="MnistData"/> the scene was drawn from.</param>
/// <param name="X0">The left edge of the box (the leftmost inked column).</param>
/// <param name="Y0">The top edge of the box (the topmost inked row).</param>
/// <param name="X1">The right edge of the box (the rightmost inked column + 1).</param>
/// <param name="Y1">The bottom edge of the box (the bottommost inked row + 1).</param>
public readonly record struct SceneDigit(int Digit, int SourceIndex, int X0, int Y0, int X1, int Y1);
