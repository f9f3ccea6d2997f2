using System;
using System.Management.Automation.Host;

namespace Pcmig.Pwsh;

/// <summary>
/// Just enough of a console for the formatter: a width (the terminal's, or 120 columns when output
/// is redirected) and no screen-buffer operations.
/// </summary>
internal sealed class HostRawUserInterface : PSHostRawUserInterface
{
    private static int Width()
    {
        if (Console.IsOutputRedirected) return 120;
        try { return Math.Max(40, Console.WindowWidth); } catch (System.IO.IOException) { return 120; }
    }

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
    public override Size BufferSize { get => new(Width(), 9999); set { } }
    public override Coordinates CursorPosition { get; set; }
    public override int CursorSize { get; set; } = 25;
    public override bool KeyAvailable => false;
    public override Size MaxPhysicalWindowSize => new(Width(), 9999);
    public override Size MaxWindowSize => new(Width(), 9999);
    public override Coordinates WindowPosition { get; set; }
    public override Size WindowSize { get => new(Width(), 50); set { } }
    public override string WindowTitle { get; set; } = "pwsh";

    public override void FlushInputBuffer() { }
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException("This host has no screen buffer.");
    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("This host cannot read single keys.");
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
}
