/// Where a text's anchor point sits horizontally on its box (matplotlib's `ha`).
public enum HorizontalAlignment: Sendable, Hashable {
    /// The anchor is the left edge.
    case left
    /// The anchor is the middle.
    case center
    /// The anchor is the right edge.
    case right
}

/// Where a text's anchor point sits vertically on its box (matplotlib's `va`).
public enum VerticalAlignment: Sendable, Hashable {
    /// The anchor is the top of the capitals.
    case top
    /// The anchor is halfway between the top of the capitals and the baseline.
    case center
    /// The anchor is the baseline (matplotlib's default for `text`).
    case baseline
    /// The anchor is the bottom of the descenders.
    case bottom
}

/// Which coordinates `Axes.text` positions are in (matplotlib's `transform`).
public enum Coordinates: Sendable, Hashable {
    /// Data coordinates (`ax.transData`, the default).
    case data
    /// Axes fractions: (0, 0) is the bottom-left corner of the axes, (1, 1) the top-right
    /// (`ax.transAxes`).
    case axes
}
