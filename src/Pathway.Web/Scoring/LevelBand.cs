namespace Pathway.Web.Scoring;

/// <summary>
/// The label of a behaviour score: the level its rounded mean has reached (the floor of the mean).
/// Emerging 1.0 to under 2.0, Progressing 2.0 to under 3.0, Established 3.0 to under 4.0, Advanced 4.0.
/// The numeric value is the level it stands for.
/// </summary>
public enum LevelBand
{
    Emerging = 1,
    Progressing = 2,
    Established = 3,
    Advanced = 4,
}
