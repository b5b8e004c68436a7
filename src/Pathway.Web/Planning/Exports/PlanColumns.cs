namespace Pathway.Web.Planning;

/// <summary>How a column's values are held: typed in the spreadsheet, formatted in the culture as text.</summary>
internal enum ColumnKind
{
    Text,
    LongText,
    Date,
    Level,
    Money,
}

/// <summary>One item of the plan with its mechanism (null when the framework does not know its code).</summary>
internal sealed record PlanRow(ActionItemView Item, ExportMechanism? Mechanism);

/// <summary>
/// One column of the plan sheet and the CSV: its header and explanation keys (<c>Export.Column.{Key}</c>
/// and <c>Export.Column.{Key}.Help</c>), its kind, its width in characters, and its value (string, DateOnly, int or decimal; null when empty).
/// </summary>
internal sealed record PlanColumn(string Key, ColumnKind Kind, double Width, Func<PlanRow, ExportText, object?> Value)
{
    public string Header(ExportText text) => text[$"Export.Column.{Key}"];

    /// <summary>What the column holds; explanations of coded columns list their values.</summary>
    public string Help(ExportText text) => Key switch
    {
        "Type" => text.Format("Export.Column.Type.Help", text.List(Enum.GetValues<ActionType>(), value => text.Type(value))),
        "Status" => text.Format("Export.Column.Status.Help", text.List(Enum.GetValues<ActionStatus>(), text.Status)),
        "FromLevel" or "ToLevel" => text.Format($"Export.Column.{Key}.Help", text.LevelList()),
        _ => text[$"Export.Column.{Key}.Help"],
    };

    /// <summary>The columns in order; the XLSX plan sheet, the CSV and the explanation sheet all read this list.</summary>
    public static IReadOnlyList<PlanColumn> All { get; } =
    [
        new("Behaviour", ColumnKind.Text, 24, (row, _) => row.Mechanism?.BehaviourName),
        new("MechanismCode", ColumnKind.Text, 11, (row, _) => row.Item.MechanismCode),
        new("Mechanism", ColumnKind.Text, 36, (row, _) => row.Mechanism?.Name),
        new("What", ColumnKind.LongText, 60, (row, _) => row.Item.What),
        new("Type", ColumnKind.Text, 24, (row, text) => text.Type(row.Item.Type)),
        new("Organisation", ColumnKind.LongText, 28, (row, _) => row.Item.ResponsibleOrganisation),
        new("Person", ColumnKind.Text, 22, (row, _) => row.Item.ResponsiblePerson),
        new("Start", ColumnKind.Date, 12, (row, _) => row.Item.Start),
        new("Due", ColumnKind.Date, 12, (row, _) => row.Item.Due),
        new("Resources", ColumnKind.LongText, 36, (row, _) => row.Item.Resources),
        new("Budget", ColumnKind.Money, 15, (row, _) => row.Item.Budget),
        new("Currency", ColumnKind.Text, 10, (row, _) => row.Item.Currency),
        new("FromLevel", ColumnKind.Level, 11, (row, _) => row.Item.FromLevel),
        new("ToLevel", ColumnKind.Level, 11, (row, _) => row.Item.ToLevel),
        new("Status", ColumnKind.Text, 14, (row, text) => text.Status(row.Item.Status)),
        new("CompletedOn", ColumnKind.Date, 13, (row, _) => row.Item.CompletedOn),
        new("Overdue", ColumnKind.Text, 10, (row, text) => text.YesNo(row.Item.IsOverdue)),
        new("CarriedOver", ColumnKind.Text, 12, (row, text) => text.YesNo(row.Item.CarriedOver)),
        new("LatestNote", ColumnKind.LongText, 50, (row, text) => text.LatestNote(row.Item)),
    ];

    public static IEnumerable<PlanRow> Rows(PlanExport export) =>
        export.Plan.Items.Select(item => new PlanRow(item, export.MechanismOf(item.MechanismCode)));
}
