-- Covers: DATE_FORMAT, DATE_ADD/DATE_SUB/ADDDATE/SUBDATE with INTERVAL and + INTERVAL, DATE, YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, DATEDIFF, UNIX_TIMESTAMP of a value, NOW and CURDATE types
SELECT DATE_FORMAT('2009-10-04 22:23:00', '%W %M %Y'), DATE_FORMAT('2007-10-04 22:23:00', '%H:%i:%s'), DATE_FORMAT('1900-10-04 22:23:00', '%D %y %a %d %m %b %j'), DATE_FORMAT('2024-01-05 09:05:03', '%e/%c/%Y %h:%i %p %T %%');
> DATE_FORMAT('2009-10-04 22:23:00', '%W %M %Y') DATE_FORMAT('2007-10-04 22:23:00', '%H:%i:%s') DATE_FORMAT('1900-10-04 22:23:00', '%D %y %a %d %m %b %j') DATE_FORMAT('2024-01-05 09:05:03', '%e/%c/%Y %h:%i %p %T %%')
> ---------------------------------------------- ---------------------------------------------- ---------------------------------------------------------- -------------------------------------------------------------
> Sunday October 2009                            22:23:00                                       4th 00 Thu 04 10 Oct 277                                   5/1/2024 09:05 AM 09:05:03 %
> rows: 1

SELECT DATE_ADD('2018-05-01', INTERVAL 1 DAY), DATE_SUB('2018-05-01', INTERVAL 1 YEAR), DATE_ADD('2020-12-31 23:59:59', INTERVAL 1 SECOND), DATE_ADD('2024-01-31', INTERVAL 1 MONTH), ADDDATE('2024-02-28', 2), SUBDATE('2024-03-01', INTERVAL 1 DAY);
> DATE_ADD('2018-05-01', INTERVAL 1 DAY) DATE_SUB('2018-05-01', INTERVAL 1 YEAR) DATE_ADD('2020-12-31 23:59:59', INTERVAL 1 SECOND) DATE_ADD('2024-01-31', INTERVAL 1 MONTH) ADDDATE('2024-02-28', 2) SUBDATE('2024-03-01', INTERVAL 1 DAY)
> -------------------------------------- --------------------------------------- -------------------------------------------------- ---------------------------------------- ------------------------ -------------------------------------
> 2018-05-02                             2017-05-01                              2021-01-01 00:00:00                                2024-02-29                               2024-03-01               2024-02-29
> rows: 1

SELECT CAST('2024-02-28' AS DATE) + INTERVAL 1 DAY, CAST('2024-02-28 10:00:00' AS DATETIME) - INTERVAL 90 MINUTE, DATE_ADD(CAST('2024-01-01' AS DATE), INTERVAL 2 HOUR);
> CAST('2024-02-28' AS DATE) + INTERVAL 1 DAY CAST('2024-02-28 10:00:00' AS DATETIME) - INTERVAL 90 MINUTE DATE_ADD(CAST('2024-01-01' AS DATE), INTERVAL 2 HOUR)
> ------------------------------------------- ------------------------------------------------------------ -----------------------------------------------------
> 2024-02-29                                  2024-02-28 08:30:00                                          2024-01-01 02:00:00
> rows: 1

SELECT DATE('2024-03-04 05:06:07'), YEAR('2024-03-04'), MONTH('2024-03-04'), DAY('2024-03-04'), HOUR('2024-03-04 05:06:07'), MINUTE('2024-03-04 05:06:07'), SECOND('2024-03-04 05:06:07'), DATEDIFF('2024-03-01', '2024-02-01');
> DATE('2024-03-04 05:06:07') YEAR('2024-03-04') MONTH('2024-03-04') DAY('2024-03-04') HOUR('2024-03-04 05:06:07') MINUTE('2024-03-04 05:06:07') SECOND('2024-03-04 05:06:07') DATEDIFF('2024-03-01', '2024-02-01')
> --------------------------- ------------------ ------------------- ----------------- --------------------------- ----------------------------- ----------------------------- ------------------------------------
> 2024-03-04                  2024               3                   4                 5                           6                             7                             29
> rows: 1

SET time_zone = '+00:00';
> ok

SELECT UNIX_TIMESTAMP('2024-01-01 00:00:00'), DATE_FORMAT(NOW(), '%Y') >= '2024', CURDATE() <= NOW(), DATE_FORMAT(NULL, '%Y'), DATE_ADD(NULL, INTERVAL 1 DAY);
> UNIX_TIMESTAMP('2024-01-01 00:00:00') DATE_FORMAT(NOW(), '%Y') >= '2024' CURDATE() <= NOW() DATE_FORMAT(NULL, '%Y') DATE_ADD(NULL, INTERVAL 1 DAY)
> ------------------------------------- ---------------------------------- ------------------ ----------------------- ------------------------------
> 1704067200                            1                                  1                  null                    null
> rows: 1

SET time_zone = SYSTEM;
> ok
