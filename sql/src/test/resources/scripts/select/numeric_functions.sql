-- Covers: ABS, ROUND (exact half away from zero, approximate half to even, negative digits), TRUNCATE, FLOOR, CEIL/CEILING, MOD and %, SIGN, SQRT, POW, GREATEST, LEAST with NULLs
SELECT ABS(-5), ABS(-1.25), ROUND(2.5), ROUND(-2.5), ROUND(1.298, 1), ROUND(1.298, 0), ROUND(123.456, -1), ROUND(25e-1), ROUND(15, -1);
> ABS(-5) ABS(-1.25) ROUND(2.5) ROUND(-2.5) ROUND(1.298, 1) ROUND(1.298, 0) ROUND(123.456, -1) ROUND(25e-1) ROUND(15, -1)
> ------- ---------- ---------- ----------- --------------- --------------- ------------------ ------------ -------------
> 5       1.25       3          -3          1.3             1               120                2            20
> rows: 1

SELECT TRUNCATE(1.999, 1), TRUNCATE(-1.999, 0), TRUNCATE(122, -2), FLOOR(1.5), FLOOR(-1.5), CEIL(1.2), CEILING(-1.2), FLOOR(2.5e0);
> TRUNCATE(1.999, 1) TRUNCATE(-1.999, 0) TRUNCATE(122, -2) FLOOR(1.5) FLOOR(-1.5) CEIL(1.2) CEILING(-1.2) FLOOR(2.5e0)
> ------------------ ------------------- ----------------- ---------- ----------- --------- ------------- ------------
> 1.9                -1                  100               1          -2          2         -1            2
> rows: 1

SELECT MOD(10, 3), MOD(-10, 3), 10 % 4, MOD(10, 0), MOD(5.5, 2), SIGN(-3), SIGN(0), SIGN(2.5), SQRT(16), SQRT(-1), POW(2, 10);
> MOD(10, 3) MOD(-10, 3) 10 % 4 MOD(10, 0) MOD(5.5, 2) SIGN(-3) SIGN(0) SIGN(2.5) SQRT(16) SQRT(-1) POW(2, 10)
> ---------- ----------- ------ ---------- ----------- -------- ------- --------- -------- -------- ----------
> 1          -1          2      null       1.5         -1       0       1         4        null     1024
> rows: 1

SELECT GREATEST(1, 5, 3), LEAST(1, 5, 3), GREATEST('b', 'a', 'C'), LEAST(2.5, 1), GREATEST(1, NULL, 3);
> GREATEST(1, 5, 3) LEAST(1, 5, 3) GREATEST('b', 'a', 'C') LEAST(2.5, 1) GREATEST(1, NULL, 3)
> ----------------- -------------- ----------------------- ------------- --------------------
> 5                 1              C                       1.0           null
> rows: 1

-- Failure: wrong argument counts
SELECT ROUND();
> exception ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT: Incorrect parameter count in the call to native function 'ROUND'

SELECT GREATEST(1);
> exception ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT: Incorrect parameter count in the call to native function 'GREATEST'
