using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pathway.Web.Accounts;
using Pathway.Web.Data;
using Pathway.Web.Framework;
using Pathway.Web.Notices;

namespace Pathway.Web.Connector.Helpdesk;

/// <summary>A question as the caller may handle it: what they may do with it now.</summary>
public sealed record OpenQuestion(HelpdeskQuestion Question, bool CanAnswer, bool CanModerate)
{
    public bool CanRoute => CanModerate && Question.Status is HelpdeskStatus.Open or HelpdeskStatus.Routed;

    public bool CanPublish => CanModerate && Question.Status is HelpdeskStatus.Answered or HelpdeskStatus.Published;

    public bool CanUnpublish => CanModerate && Question.Status == HelpdeskStatus.Published;

    public bool CanClose => CanModerate && Question.Status is HelpdeskStatus.Open or HelpdeskStatus.Routed or HelpdeskStatus.Answered;
}

/// <summary>
/// Keeps helpdesk questions. One door (<see cref="OpenAsync"/>): a question is seen by its asker, the expert it was
/// routed to and the editors (content editors, administrators); anyone else gets the one not-found answer. Editors
/// route, answer, publish as FAQ entries (staged in the search index in the same save) and close; a routed expert answers.
/// </summary>
public sealed class HelpdeskDesk(
    PathwayDb db, CurrentUser user, FrameworkReader framework, NoticeOutbox outbox, HelpdeskFaq faq,
    TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int ListLimit = 200;

    /// <summary>The editors' queue of questions.</summary>
    public const string QueueLink = "/helpdesk/queue";

    private IQueryable<HelpdeskQuestion> Questions => db.Set<HelpdeskQuestion>();

    private string Me => user.Id ?? throw new InvalidOperationException("The helpdesk is for signed-in people.");

    public bool IsEditor => user.EditsContent;

    public async Task<Outcome<HelpdeskQuestion>> AskAsync(AskInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();
        input.Check(l, errors);
        var behaviour = input.Behaviour;
        if (errors.Count == 0 && (input.Behaviour is not null || input.Mechanism is not null))
        {
            behaviour = await CheckCodesAsync(input, errors, cancellationToken);
        }
        if (input.Country is { } iso3 && !await db.Countries.AnyAsync(c => c.Iso3 == iso3, cancellationToken))
        {
            errors[nameof(AskInput.Country)] = [l["Helpdesk.Error.UnknownCountry"]];
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(l["Helpdesk.Error.Title"], l["Helpdesk.Error.Invalid"], errors);
        }
        var question = new HelpdeskQuestion
        {
            AskerId = Me,
            AskerName = TextRules.Truncate(user.Name ?? "", HelpdeskQuestion.NameLength),
            Question = input.Question!,
            BehaviourCode = behaviour,
            MechanismCode = input.Mechanism,
            CountryIso3 = input.Country,
            AskedAt = clock.GetUtcNow(),
        };
        db.Set<HelpdeskQuestion>().Add(question);
        // The editors are waiting on it: told in the same save, pointed to their queue (an editor who asks is not told).
        var editors = await NoticeRecipients.ReadAsync(
            NoticeRecipients.ContentEditors(db).Where(u => u.Id != question.AskerId), question.AskedAt, cancellationToken);
        await outbox.AddAsync(NoticeFor(NoticeKind.HelpdeskAsked, question, question.AskedAt) with { Link = QueueLink }, editors, question.AskedAt, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return question;
    }

    /// <summary>The caller's own questions, newest first.</summary>
    public Task<List<HelpdeskQuestion>> MineAsync(CancellationToken cancellationToken) =>
        Questions.AsNoTracking().Where(q => q.AskerId == Me).OrderByDescending(q => q.AskedAt).Take(ListLimit).ToListAsync(cancellationToken);

    /// <summary>Questions routed to the caller that still wait for an answer.</summary>
    public Task<List<HelpdeskQuestion>> RoutedToMeAsync(CancellationToken cancellationToken) =>
        Questions.AsNoTracking().Where(q => q.ExpertId == Me && q.Status == HelpdeskStatus.Routed).OrderBy(q => q.AskedAt).Take(ListLimit).ToListAsync(cancellationToken);

    /// <summary>The editors' queue: open and routed questions oldest first, then answered ones not yet published; null for anyone else.</summary>
    public async Task<List<HelpdeskQuestion>?> QueueAsync(CancellationToken cancellationToken)
    {
        if (!IsEditor)
        {
            return null;
        }
        var waiting = await Questions.AsNoTracking()
            .Where(q => q.Status == HelpdeskStatus.Open || q.Status == HelpdeskStatus.Routed || q.Status == HelpdeskStatus.Answered)
            .OrderBy(q => q.AskedAt).Take(ListLimit).ToListAsync(cancellationToken);
        return [.. waiting.OrderBy(q => q.Status == HelpdeskStatus.Answered).ThenBy(q => q.AskedAt)];
    }

    /// <summary>The one door: the question with what the caller may do, or not found for anyone who may not see it.</summary>
    public async Task<Outcome<OpenQuestion>> OpenAsync(Guid id, CancellationToken cancellationToken, bool tracked = false)
    {
        var me = user.Id;
        var query = tracked ? Questions : Questions.AsNoTracking();
        var question = me is null ? null : await query.SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question is null || !(IsEditor || question.AskerId == me || question.ExpertId == me))
        {
            return Failure.NotFound(l["Helpdesk.NotFoundTitle"], l["Helpdesk.NotFound"]);
        }
        var isExpert = question.ExpertId == me && question.Status == HelpdeskStatus.Routed;
        return new OpenQuestion(question, CanAnswer: question.IsAnswerable && (IsEditor || isExpert), CanModerate: IsEditor);
    }

    public async Task<Outcome<HelpdeskQuestion>> AnswerAsync(Guid id, AnswerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(id, cancellationToken, tracked: true)).TryGet(out var open, out var closed))
        {
            return closed;
        }
        if (!open.CanAnswer)
        {
            return Failure.Forbidden(l["Helpdesk.Error.Title"], l["Helpdesk.Error.NotYoursToAnswer"]);
        }
        if (!input.Check(l, out var errors))
        {
            return Failure.Invalid(l["Helpdesk.Error.Title"], l["Helpdesk.Error.Invalid"], errors);
        }
        var question = open.Question;
        var now = clock.GetUtcNow();
        question.Record(input.Answer!, Me, TextRules.Truncate(user.Name ?? "", HelpdeskQuestion.NameLength), now);
        if (question.AskerId is { } asker && asker != Me)
        {
            var recipients = await NoticeRecipients.ReadAsync(db.Users.Where(u => u.Id == asker), now, cancellationToken);
            await outbox.AddAsync(NoticeFor(NoticeKind.HelpdeskAnswered, question, now), recipients, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return question;
    }

    public async Task<Outcome<HelpdeskQuestion>> RouteAsync(Guid id, RouteInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(id, cancellationToken, tracked: true)).TryGet(out var open, out var closed))
        {
            return closed;
        }
        if (!open.CanModerate)
        {
            return Failure.Forbidden(l["Helpdesk.Error.Title"], l["Helpdesk.Error.EditorsOnly"]);
        }
        if (!open.CanRoute)
        {
            return Failure.Invalid(l["Helpdesk.Error.Title"], l["Helpdesk.Error.NotRoutable"]);
        }
        if (!input.Check(l, out var errors))
        {
            return Failure.Invalid(l["Helpdesk.Error.Title"], l["Helpdesk.Error.Invalid"], errors);
        }
        var now = clock.GetUtcNow();
        var wanted = input.Expert!.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper() on both databases; no .NET culture takes part.
        var experts = await db.Users.AsNoTracking()
            .Where(u => (u.NormalizedEmail == wanted || (u.DisplayName != null && u.DisplayName.ToUpper() == wanted))
                && (u.LockoutEnd == null || u.LockoutEnd < now))
#pragma warning restore CA1304, CA1311, CA1862
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? "" })
            .Take(2).ToListAsync(cancellationToken);
        if (experts.Count != 1)
        {
            return Failure.Invalid(l["Helpdesk.Error.Title"], nameof(RouteInput.Expert),
                experts.Count == 0 ? l["Helpdesk.Error.NoSuchExpert"] : l["Helpdesk.Error.AmbiguousExpert"]);
        }
        var expert = experts[0];
        var question = open.Question;
        question.RouteTo(expert.Id, TextRules.Truncate(expert.Name, HelpdeskQuestion.NameLength), now);
        if (expert.Id != Me)
        {
            var recipients = await NoticeRecipients.ReadAsync(db.Users.Where(u => u.Id == expert.Id), now, cancellationToken);
            await outbox.AddAsync(NoticeFor(NoticeKind.HelpdeskRouted, question, now), recipients, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return question;
    }

    public async Task<Outcome<HelpdeskQuestion>> PublishAsync(Guid id, PublishInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!(await OpenAsync(id, cancellationToken, tracked: true)).TryGet(out var open, out var closed))
        {
            return closed;
        }
        if (!open.CanModerate)
        {
            return Failure.Forbidden(l["Helpdesk.Error.Title"], l["Helpdesk.Error.EditorsOnly"]);
        }
        if (!open.CanPublish)
        {
            return Failure.Invalid(l["Helpdesk.Error.Title"], l["Helpdesk.Error.AnswerFirst"]);
        }
        if (input.Check(l, out var errors) is not var (faqQuestion, faqAnswer))
        {
            return Failure.Invalid(l["Helpdesk.Error.Title"], l["Helpdesk.Error.Invalid"], errors);
        }
        var question = open.Question;
        question.Publish(faqQuestion, faqAnswer, clock.GetUtcNow());
        await faq.StageAsync(question, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return question;
    }

    public Task<Outcome<HelpdeskQuestion>> UnpublishAsync(Guid id, CancellationToken cancellationToken) =>
        ModerateAsync(id, open => open.CanUnpublish, question => question.Unpublish(), cancellationToken);

    public Task<Outcome<HelpdeskQuestion>> CloseAsync(Guid id, CancellationToken cancellationToken) =>
        ModerateAsync(id, open => open.CanClose, question => question.Close(), cancellationToken);

    // Taking an entry down or closing a question: editors only, from the states that allow it; the FAQ entry leaves search in the same save.
    private async Task<Outcome<HelpdeskQuestion>> ModerateAsync(
        Guid id, Func<OpenQuestion, bool> allowed, Action<HelpdeskQuestion> change, CancellationToken cancellationToken)
    {
        if (!(await OpenAsync(id, cancellationToken, tracked: true)).TryGet(out var open, out var closed))
        {
            return closed;
        }
        if (!open.CanModerate)
        {
            return Failure.Forbidden(l["Helpdesk.Error.Title"], l["Helpdesk.Error.EditorsOnly"]);
        }
        if (!allowed(open))
        {
            return Failure.Invalid(l["Helpdesk.Error.Title"], l["Helpdesk.Error.NotNow"]);
        }
        change(open.Question);
        await faq.StageAsync(open.Question, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return open.Question;
    }

    /// <summary>Checks the behaviour and mechanism codes against the current framework; returns the behaviour (the mechanism's when only that is given).</summary>
    private async Task<string?> CheckCodesAsync(AskInput input, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var tree = await framework.CurrentVersionAsync(cancellationToken) is { } current ? await framework.TreeAsync(current, cancellationToken) : null;
        var behaviours = tree?.Behaviours ?? [];
        if (input.Behaviour is { } code && behaviours.All(b => b.Code != code))
        {
            errors[nameof(AskInput.Behaviour)] = [l["Helpdesk.Error.UnknownBehaviour"]];
            return null;
        }
        if (input.Mechanism is not { } mechanism)
        {
            return input.Behaviour;
        }
        var owner = behaviours.FirstOrDefault(b => b.Mechanisms.Any(m => m.Code == mechanism));
        if (owner is null || (input.Behaviour is not null && owner.Code != input.Behaviour))
        {
            errors[nameof(AskInput.Mechanism)] = [l["Helpdesk.Error.UnknownMechanism"]];
            return null;
        }
        return owner.Code;
    }

    // Notices keep text, not ids: the question's opening words stand in for the round title.
    private static NoticeDraft NoticeFor(NoticeKind kind, HelpdeskQuestion question, DateTimeOffset at) =>
        new(kind, $"{kind}:{question.Id:N}:{at.UtcTicks}", null,
            TextRules.Truncate(RichText.ToPlainText(question.Question).ReplaceLineEndings(" "), Notice.TextLength),
            Link: $"/helpdesk/{question.Id}");
}
