-- One published-countries setting (issue #9): the integrator profile's `publishedCountries`
-- (Settings → Integrator). Until now the status policy also held `notPublishedCountries`, which the
-- statuses read while checklists and authorization read both. Here the policy's list is merged into
-- the profile and removed from the policy.
--
-- A country stays published only if the profile listed it AND the policy did not mark it "not
-- published": either list saying "not published" wins. Both lists could only ever take countries
-- away, and Lazada refuses to authorize the app wherever it is not published, so a country wrongly
-- shown as "App not published" is seen at once and re-ticked by the KAM, while a country wrongly
-- left published would hide that refusal until a seller meets it.
--
-- Rows that are not valid JSON are left alone (the app reads such a section as its default).

-- A profile never saved reads as the default (every country published): write it out when the
-- policy takes countries away, so that they stay away.
INSERT INTO `settings` (`key`, `value`)
SELECT 'integrator', json_object('appName', 'Anchanto OM', 'omsName', 'Anchanto OMS', 'supportContact', 'help@anchanto.com')
FROM `settings` AS `policy`
WHERE `policy`.`key` = 'policy'
  AND json_valid(`policy`.`value`)
  AND json_type(`policy`.`value`, '$.notPublishedCountries') = 'array'
  AND json_array_length(`policy`.`value`, '$.notPublishedCountries') > 0
  AND NOT EXISTS (SELECT 1 FROM `settings` WHERE `key` = 'integrator');
--> statement-breakpoint
UPDATE `settings`
SET `value` = json_set(`value`, '$.publishedCountries', json((
  SELECT json_group_array(`published`.`value`)
  FROM json_each(
    CASE WHEN json_type(`settings`.`value`, '$.publishedCountries') = 'array'
      THEN json_extract(`settings`.`value`, '$.publishedCountries')
      ELSE '["SG","MY","TH","PH","VN","ID"]'
    END
  ) AS `published`
  WHERE `published`.`value` NOT IN (
    SELECT `unpublished`.`value`
    FROM `settings` AS `policy`, json_each(`policy`.`value`, '$.notPublishedCountries') AS `unpublished`
    WHERE `policy`.`key` = 'policy'
      AND json_valid(`policy`.`value`)
      AND json_type(`policy`.`value`, '$.notPublishedCountries') = 'array'
      AND `unpublished`.`value` IS NOT NULL
  )
)))
WHERE `key` = 'integrator' AND json_valid(`value`) AND json_type(`value`) = 'object';
--> statement-breakpoint
UPDATE `settings`
SET `value` = json_remove(`value`, '$.notPublishedCountries')
WHERE `key` = 'policy' AND json_valid(`value`) AND json_type(`value`) = 'object';
