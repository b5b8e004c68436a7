using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Data;

namespace Pathway.Web.Connector.Partnerships;

/// <summary>A party to add: an organisation of the directory, or a new one of the partnership's country.</summary>
public sealed class PartyInput
{
    public int? OrganisationId { get; set; }
    public PartyRole Role { get; set; }

    /// <summary>Set instead of <see cref="OrganisationId"/> to add the organisation to the directory first.</summary>
    public OrganisationInput? NewOrganisation { get; set; }
}

/// <summary>
/// What happens to a partnership after it is registered: its stage moves (through <see cref="PartnershipLifecycle"/>,
/// the due-diligence rule included), due-diligence checks, the risk log and its parties. Each write goes through
/// <see cref="PartnershipWrites"/>, so it is scoped, permitted, versioned and indexed the same way.
/// </summary>
public sealed class PartnershipLog(PathwayDb db, CurrentUser user, PartnershipWrites writes, OrganisationDirectory organisations, IStringLocalizer<SharedResource> l)
{
    /// <summary>Moves the partnership to <paramref name="to"/>; a version, when given, must be the stored one.</summary>
    public async Task<Outcome<Partnership>> MoveAsync(Guid id, PartnershipStage to, string? note, int? version, CancellationToken cancellationToken = default)
    {
        if (!(await writes.OpenForWriteAsync(id, cancellationToken)).TryGet(out var partnership, out var refused))
        {
            return refused;
        }
        if (version is { } expected && expected != partnership.Version)
        {
            return writes.Stale(partnership);
        }
        var errors = new Dictionary<string, string[]>();
        _ = FieldText.Check(note, "note", PartnershipStageChange.NoteLength, false, l, errors);
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Partnerships.Error.Title"], l["Partnerships.Error.Detail"], errors);
        }
        var stageName = l[$"Partnerships.Stage.{to}"].Value;
        if (!Enum.IsDefined(to) || PartnershipLifecycle.Find(partnership.Stage, to) is not { } step)
        {
            var allowed = string.Join(", ", PartnershipLifecycle.Next(partnership.Stage).Select(stage => l[$"Partnerships.Stage.{stage}"].Value));
            return Failure.Invalid(l["Partnerships.Error.MoveTitle"], "to",
                l["Partnerships.Error.Move", Enum.IsDefined(to) ? stageName : to.ToString(), l[$"Partnerships.Stage.{partnership.Stage}"].Value, allowed]);
        }
        if (step.RequiresDueDiligence && !partnership.HasClearingCheck)
        {
            return Failure.Invalid(l["Partnerships.Error.MoveTitle"], "to",
                l["Partnerships.Error.DueDiligenceMissing", stageName, l["Partnerships.Stage.DueDiligence"].Value]);
        }
        var now = writes.Now;
        partnership.MoveTo(to, new PartnershipStageChange
        {
            PartnershipId = partnership.Id,
            From = partnership.Stage,
            To = to,
            At = now,
            ById = user.Id,
            ByName = user.Name,
            Note = FieldText.Clean(note),
        }, now);
        db.Add(partnership.StageChanges[^1]);
        return await writes.SaveAsync(partnership, cancellationToken);
    }

    public async Task<Outcome<Partnership>> AddCheckAsync(Guid id, DueDiligenceInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await writes.OpenForWriteAsync(id, cancellationToken)).TryGet(out var partnership, out var refused))
        {
            return refused;
        }
        var errors = input.Check(l, writes.Today);
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Partnerships.Error.Title"], l["Partnerships.Error.Detail"], errors);
        }
        var check = new DueDiligenceCheck
        {
            PartnershipId = partnership.Id,
            CheckedOn = input.CheckedOn!.Value,
            CheckedBy = input.CheckedBy!.Trim(),
            Scope = input.Scope!.Trim(),
            Finding = input.Finding!.Trim(),
            Outcome = input.Outcome,
            RecordedAt = writes.Now,
            RecordedById = user.Id,
        };
        partnership.Checks.Add(check);
        db.Add(check);
        partnership.Touch(writes.Now);
        return await writes.SaveAsync(partnership, cancellationToken);
    }

    public async Task<Outcome<Partnership>> AddRiskAsync(Guid id, RiskInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await writes.OpenForWriteAsync(id, cancellationToken)).TryGet(out var partnership, out var refused))
        {
            return refused;
        }
        var errors = input.Check(l);
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Partnerships.Error.Title"], l["Partnerships.Error.Detail"], errors);
        }
        var risk = new PartnershipRisk
        {
            PartnershipId = partnership.Id,
            Description = input.Description!.Trim(),
            Likelihood = input.Likelihood,
            Impact = input.Impact,
            Mitigation = FieldText.Clean(input.Mitigation),
            Owner = FieldText.Clean(input.Owner),
            ReviewOn = input.ReviewOn,
            CreatedAt = writes.Now,
        };
        partnership.Risks.Add(risk);
        db.Add(risk);
        partnership.Touch(writes.Now);
        return await writes.SaveAsync(partnership, cancellationToken);
    }

    /// <summary>Closes an open risk; closing one already closed is a conflict (someone else did it).</summary>
    public async Task<Outcome<Partnership>> CloseRiskAsync(Guid id, Guid riskId, CancellationToken cancellationToken = default)
    {
        if (!(await writes.OpenForWriteAsync(id, cancellationToken)).TryGet(out var partnership, out var refused))
        {
            return refused;
        }
        if (partnership.Risks.FirstOrDefault(risk => risk.Id == riskId) is not { } risk)
        {
            return Failure.NotFound(l["Partnerships.RiskNotFoundTitle"], l["Partnerships.RiskNotFound"]);
        }
        if (risk.Status == RiskStatus.Closed)
        {
            return Failure.Conflict(l["Partnerships.Error.Title"], l["Partnerships.Error.RiskClosed"], new { risk.Id, Status = risk.Status.ToString(), risk.ClosedAt });
        }
        risk.Close(user.Name, writes.Now);
        partnership.Touch(writes.Now);
        return await writes.SaveAsync(partnership, cancellationToken);
    }

    public async Task<Outcome<Partnership>> AddPartyAsync(Guid id, PartyInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await writes.OpenForWriteAsync(id, cancellationToken)).TryGet(out var partnership, out var refused))
        {
            return refused;
        }
        if (!Enum.IsDefined(input.Role))
        {
            return Failure.Invalid(l["Partnerships.Error.Title"], nameof(PartyInput.Role), l["Partnerships.Error.Role"]);
        }
        Organisation? organisation;
        if (input.NewOrganisation is { } fresh && input.OrganisationId is null)
        {
            // A country team adds an organisation of the partnership's country; editors may add any.
            fresh.CountryIso3 = user.EditsContent ? fresh.CountryIso3 : partnership.CountryIso3;
            if (!(await organisations.StageAsync(fresh, cancellationToken)).TryGet(out organisation, out var invalid))
            {
                return invalid;
            }
        }
        else
        {
            organisation = await db.Organisations.SingleOrDefaultAsync(row => row.Id == input.OrganisationId, cancellationToken);
            if (organisation is null)
            {
                return Failure.Invalid(l["Partnerships.Error.Title"], nameof(PartyInput.OrganisationId), l["Partnerships.Error.Organisation"]);
            }
        }
        if (organisation.Id != 0 && partnership.Parties.Any(party => party.OrganisationId == organisation.Id && party.Role == input.Role))
        {
            return Failure.Invalid(l["Partnerships.Error.Title"], nameof(PartyInput.OrganisationId), l["Partnerships.Error.PartyTwice"]);
        }
        var party = new PartnershipParty { PartnershipId = partnership.Id, Role = input.Role, Organisation = organisation };
        partnership.Parties.Add(party);
        db.Add(party);
        partnership.Touch(writes.Now);
        return await writes.SaveAsync(partnership, cancellationToken);
    }

    public async Task<Outcome<Partnership>> RemovePartyAsync(Guid id, Guid partyId, CancellationToken cancellationToken = default)
    {
        if (!(await writes.OpenForWriteAsync(id, cancellationToken)).TryGet(out var partnership, out var refused))
        {
            return refused;
        }
        if (partnership.Parties.FirstOrDefault(party => party.Id == partyId) is not { } party)
        {
            return Failure.NotFound(l["Partnerships.PartyNotFoundTitle"], l["Partnerships.PartyNotFound"]);
        }
        partnership.Parties.Remove(party);
        db.Remove(party);
        partnership.Touch(writes.Now);
        return await writes.SaveAsync(partnership, cancellationToken);
    }
}
