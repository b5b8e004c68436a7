namespace Pathway.Web.Data;

/// <summary>
/// Marks an entity that anonymous public pages read (framework, catalogue, countries, published rounds, Connector
/// content). A committed change to one drops the kept public pages (<see cref="PublicContent"/>); entities
/// without it (ratings, plans, notices, accounts) change often and never show on a public page, so their saves keep
/// them. A unit test makes every new entity choose.
/// </summary>
public interface IPublicContent;
