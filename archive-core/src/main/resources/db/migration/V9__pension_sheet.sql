-- The pension computation sheet (基本养老金核定表) the back office files in PENSION and PENSION_BACKPAY dossiers is a
-- material of those types (optional: the reviewer adds it while deciding). A fresh database gets it from the seed.
INSERT INTO business_type_material (business_type, position, code, name_zh, name_en, required)
SELECT t.code, (SELECT MAX(m.position) + 1 FROM business_type_material m WHERE m.business_type = t.code),
       'PENSION_SHEET', '基本养老金核定表', 'Pension computation sheet', FALSE
  FROM business_type t
 WHERE t.code IN ('PENSION', 'PENSION_BACKPAY')
   AND NOT EXISTS (SELECT 1 FROM business_type_material m WHERE m.business_type = t.code AND m.code = 'PENSION_SHEET');
