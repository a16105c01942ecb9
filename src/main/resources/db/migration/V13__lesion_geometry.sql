-- Ground truth drawn on the image (issue 13, ADR 0020). A lesion is a circle (x, y, radius_px: every existing row) or an
-- ellipse, box or contour; contours may be drawn on several images of the lesion's range. For a drawn shape, x, y and
-- radius_px keep the centroid and the radius of the circle of equal area, for whatever draws circles.
-- outline: the shapes as JSON text, read with the version and never queried into; null for a circle.
-- Like every row of a case version, never updated.
alter table truth_finding add column shape varchar(16);
update truth_finding set shape = 'circle';
alter table truth_finding alter column shape set not null;
alter table truth_finding add column outline varchar(1000000);

-- An optional coded concept beside the label, as in a DICOM code sequence: RadLex (RADLEX, RID…), RadElement, SNOMED CT…
alter table truth_finding add column code_scheme varchar(16);
alter table truth_finding add column code_value varchar(64);
alter table truth_finding add column code_meaning varchar(200);
