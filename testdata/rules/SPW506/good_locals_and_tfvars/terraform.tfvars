env                 = "prod"
age_alarm_functions = ["prod-consumer"]
