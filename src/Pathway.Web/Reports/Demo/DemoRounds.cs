using Microsoft.EntityFrameworkCore;
using Pathway.Web.Assessments;
using Pathway.Web.Data;
using Pathway.Web.Scoring;

namespace Pathway.Web.Reports.Demo;

/// <summary>
/// Takes one demonstration round through the product's own workflow, each step by the person whose step it
/// is: the focal point opens rating, the respondents rate, the focal point records consensus and submits,
/// the reviewer validates, the team plans (<see cref="DemoPlans"/>) and the focal point signs off through
/// the <see cref="Publisher"/>, so status history, audit trail, releases and published results are the real ones.
/// </summary>
internal sealed class DemoRounds(DemoPeople people, TimeProvider clock)
{
    /// <summary>Creates the round with its participants (the rows the round and participant pages write), as the focal point.</summary>
    public async Task<Guid> CreateAsync(DemoCountry country, string countryName, int year, CancellationToken cancellationToken)
    {
        var focal = people.Of(country.Iso3, "focal");
        await using var scope = people.Act(focal);
        var db = scope.ServiceProvider.GetRequiredService<PathwayDb>();
        var versionId = await db.FrameworkVersions.AsNoTracking()
            .Where(version => version.Version == DemoData.FrameworkVersion).Select(version => version.Id).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var round = new Assessment
        {
            CountryIso3 = country.Iso3,
            FrameworkVersionId = versionId,
            Title = DemoScript.Title(countryName, year),
            Scope = AssessmentScope.National,
            Purpose = AssessmentPurpose.TakeStock,
            PlannedStart = new DateOnly(year, 3, 1),
            PlannedEnd = new DateOnly(year, 6, 30),
            CreatedAt = now,
            CreatedById = focal.Id,
            IsDemonstration = true,
        };
        db.Assessments.Add(round);
        foreach (var person in DemoScript.PeopleOf(country.Iso3).Where(person => person.RoundRole is not null))
        {
            db.Participants.Add(new Participant
            {
                AssessmentId = round.Id,
                CountryIso3 = country.Iso3,
                UserId = people.Of(country.Iso3, person.Key).Id,
                DisplayName = person.DisplayName,
                Organisation = "Demonstration organisation",
                Group = person.Group,
                Role = person.RoundRole!.Value,
                AddedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return round.Id;
    }

    /// <summary>Rating, consensus, submission and validation: the round ends Validated with <paramref name="agreed"/> as its answers.</summary>
    public async Task RateAndValidateAsync(
        DemoCountry country, Guid id, IReadOnlyDictionary<string, MechanismAnswer> agreed, Random random, CancellationToken cancellationToken)
    {
        var focal = people.Of(country.Iso3, "focal");
        await MoveAsync(focal, id, AssessmentStatus.RatingOpen, null, cancellationToken);
        foreach (var person in DemoScript.PeopleOf(country.Iso3).Where(person => person.RoundRole == ParticipantRole.Respondent))
        {
            await using var scope = people.Act(people.Of(country.Iso3, person.Key));
            var round = await OpenAsync(scope, id, cancellationToken);
            var book = scope.ServiceProvider.GetRequiredService<RatingBook>();
            foreach (var behaviour in round.Framework.Behaviours)
            {
                var items = behaviour.Mechanisms.Select(mechanism => new RatingItem(mechanism.Code,
                    DemoScript.RatingOf(random, agreed[mechanism.Code], person.Group.Side()),
                    DemoScript.CommentOf(random, person.Group.Side()))).ToList();
                Must(await book.SaveBehaviourAsync(round, behaviour.Code, items, cancellationToken), "rating");
            }
        }
        await MoveAsync(focal, id, AssessmentStatus.Consensus, null, cancellationToken);
        await AgreeAsync(focal, id, agreed, random, cancellationToken);
        await MoveAsync(focal, id, AssessmentStatus.Submitted, null, cancellationToken);
        await MoveAsync(people.Reviewer, id, AssessmentStatus.Validated, null, cancellationToken);
    }

    /// <summary>The focal point's sign-off: what is made public, frozen by the <see cref="Publisher"/>.</summary>
    public async Task PublishAsync(DemoCountry country, Guid id, PublicationChoices choices, string? note, CancellationToken cancellationToken)
    {
        await using var scope = people.Act(people.Of(country.Iso3, "focal"));
        var round = await OpenAsync(scope, id, cancellationToken);
        Must(await scope.ServiceProvider.GetRequiredService<Publisher>().PublishAsync(round, choices, note, cancellationToken), "publication");
    }

    /// <summary>
    /// A correction after publication: the focal point reopens consensus with the reason, one mechanism's
    /// answer is changed, and the round goes back through review to its next revision's sign-off.
    /// </summary>
    public async Task CorrectAsync(DemoCountry country, Guid id, string mechanismCode, MechanismAnswer corrected, CancellationToken cancellationToken)
    {
        var focal = people.Of(country.Iso3, "focal");
        await MoveAsync(focal, id, AssessmentStatus.Consensus, DemoScript.CorrectionReason, cancellationToken);
        await using (var scope = people.Act(focal))
        {
            var round = await OpenAsync(scope, id, cancellationToken);
            var book = scope.ServiceProvider.GetRequiredService<ConsensusBook>();
            var stored = Must(await book.ConsensusAsync(round, cancellationToken), "consensus");
            Must(await book.SaveAsync(round, mechanismCode, new ConsensusInput
            {
                State = corrected.State.ToString(),
                Level = corrected.Level,
                Rationale = DemoScript.CorrectionRationale,
                Confidence = nameof(RatingConfidence.High),
                Method = nameof(ConsensusMethod.Consensus),
                Version = stored[mechanismCode].Version,
            }, cancellationToken), "correction");
        }
        await MoveAsync(focal, id, AssessmentStatus.Submitted, null, cancellationToken);
        await MoveAsync(people.Reviewer, id, AssessmentStatus.Validated, null, cancellationToken);
        await PublishAsync(country, id, new PublicationChoices(true, true, true, false), DemoScript.CorrectionReason, cancellationToken);
    }

    private async Task AgreeAsync(DemoAccount facilitator, Guid id, IReadOnlyDictionary<string, MechanismAnswer> agreed, Random random, CancellationToken cancellationToken)
    {
        await using var scope = people.Act(facilitator);
        var round = await OpenAsync(scope, id, cancellationToken);
        var batch = scope.ServiceProvider.GetRequiredService<ConsensusBatch>();
        foreach (var behaviour in round.Framework.Behaviours)
        {
            var items = behaviour.Mechanisms.Select(mechanism =>
            {
                var answer = agreed[mechanism.Code];
                return new ConsensusBatchItem
                {
                    MechanismCode = mechanism.Code,
                    State = answer.State.ToString(),
                    Level = answer.Level,
                    Rationale = DemoScript.Rationale(answer),
                    Confidence = (random.Next(3) switch { 0 => RatingConfidence.Low, 1 => RatingConfidence.Medium, _ => RatingConfidence.High }).ToString(),
                    Method = (random.Next(5) == 0 ? ConsensusMethod.Vote : ConsensusMethod.Consensus).ToString(),
                    DissentNotes = random.Next(4) == 0 ? DemoScript.Dissent : null,
                };
            }).ToList();
            var result = Must(await batch.SaveAsync(round, items, cancellationToken), "consensus");
            if (!result.AllSaved)
            {
                throw new InvalidOperationException($"Demonstration consensus not saved: {string.Join("; ", result.Results.Where(r => r.Outcome != ConsensusItemOutcome.Saved).Select(r => $"{r.MechanismCode} {r.Detail}"))}");
            }
        }
    }

    public async Task MoveAsync(DemoAccount actor, Guid id, AssessmentStatus to, string? comment, CancellationToken cancellationToken)
    {
        await using var scope = people.Act(actor);
        var round = await OpenAsync(scope, id, cancellationToken);
        Must(await scope.ServiceProvider.GetRequiredService<RoundTransitions>().MoveAsync(round, to, comment, cancellationToken: cancellationToken), $"move to {to}");
    }

    public static async Task<Round> OpenAsync(AsyncServiceScope scope, Guid id, CancellationToken cancellationToken) =>
        Must(await scope.ServiceProvider.GetRequiredService<RoundDirectory>().OpenAsync(id, cancellationToken), "opening the round");

    /// <summary>The loader's data is made to pass every check; a refusal means the product's rules changed, so it stops with the reason.</summary>
    public static T Must<T>(Outcome<T> outcome, string step) =>
        outcome.TryGet(out var value, out var failure)
            ? value
            : throw new InvalidOperationException($"Demonstration data refused at {step}: {failure.Title}. {failure.Detail} " +
                string.Join("; ", failure.Errors?.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}") ?? []));
}
