-- Objections were stored by category as typed ("budget" beside "BUDGET"), and without one when the
-- rep gave only the text. They are stored by the category's name now, OTHER when none was given.
update touches set objection_category = upper(trim(objection_category)) where objection_category is not null;
update touches set objection_category = 'OTHER'
    where objection_category is null and objection_text is not null and trim(objection_text) <> '';
